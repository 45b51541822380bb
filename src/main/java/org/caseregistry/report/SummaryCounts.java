package org.caseregistry.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseregistry.cases.CaseValueCounts;
import org.caseregistry.platform.ReportingDatabase;
import org.springframework.stereotype.Repository;

/**
 * Summary tables from the per-value counts the {@code cases} module keeps as cases change ({@link
 * CaseValueCounts}, V56) instead of a pass over the cases: one statement that reads a few thousand
 * counts whatever the number of cases, the statistics (quartiles included, exact) computed from
 * them as {@link SummaryQuery} computes its own per-value counts.
 *
 * <p>The counts are kept per series, site and sign-off state, for the built-in variables and the
 * custom fields of single sections (per key and kind of JSON value, V58: {@link CustomCounted}
 * reads them by the field's current type). They answer a summary by site or overall, of any sites,
 * locked cases or all ({@link #answers}). An operation-date range and a grouping by year or by a
 * coded variable need each case's date or code beside its values: those summaries are the pass over
 * the cases ({@link SummaryQuery}), which stays the reference the counts are tested against, cell
 * for cell; so is a summary whose kept custom values include a kind its field's type does not read.
 */
@Repository
class SummaryCounts {

  private final ReportingDatabase reporting;
  private final CaseValueCounts counts;

  SummaryCounts(ReportingDatabase reporting, CaseValueCounts counts) {
    this.reporting = reporting;
    this.counts = counts;
  }

  /** Whether the kept counts can answer this summary. */
  static boolean answers(ReportFilter filter, List<SummaryVariable> variables, String grouping) {
    return filter.from() == null
        && filter.to() == null
        && (grouping == null || SummaryVariable.SITE.equals(grouping))
        && variables.stream()
            .allMatch(variable -> variable.join() == null || variable.counted() != null);
  }

  /**
   * The summary by site ({@link SummaryVariable#SITE}) or overall ({@code grouping} null); empty
   * when a custom field's kept values include a kind its current type does not read.
   */
  Optional<SummaryData> run(ReportFilter filter, List<SummaryVariable> variables, String grouping) {
    Map<String, SummaryVariable> byName = new LinkedHashMap<>();
    Set<String> builtIn = new LinkedHashSet<>();
    Set<CaseValueCounts.CustomField> fields = new LinkedHashSet<>();
    for (SummaryVariable variable : variables) {
      byName.put(variable.name(), variable);
      if (variable.counted() == null) {
        builtIn.add(variable.name());
      } else {
        fields.add(variable.counted().key());
      }
    }
    CaseValueCounts.Counted kept =
        reporting.read(
            () ->
                counts.count(
                    new CaseValueCounts.Scope(
                        filter.seriesId(),
                        filter.allowedSites(),
                        filter.siteId(),
                        filter.lockedOnly()),
                    builtIn,
                    fields));
    List<CaseValueCounts.Count> rows = new ArrayList<>(kept.counts());
    Map<CaseValueCounts.CustomField, List<CaseValueCounts.CustomCount>> byField = new HashMap<>();
    for (CaseValueCounts.CustomCount count : kept.custom()) {
      byField
          .computeIfAbsent(
              new CaseValueCounts.CustomField(count.section(), count.field()),
              key -> new ArrayList<>())
          .add(count);
    }
    for (SummaryVariable variable : byName.values()) {
      CustomCounted field = variable.counted();
      if (field != null) {
        List<CaseValueCounts.CustomCount> ofField = byField.getOrDefault(field.key(), List.of());
        if (!ofField.stream().allMatch(count -> field.reads(count.kind()))) {
          return Optional.empty();
        }
        rows.addAll(field.counts(variable.name(), ofField));
      }
    }

    // The columns and their sizes: the sites with cases (when by site) and the overall column.
    Map<String, Long> sizes = new LinkedHashMap<>();
    List<SummaryData.Group> groups = new ArrayList<>();
    long total = 0;
    for (CaseValueCounts.Count row : rows) {
      if (row.variable() == null) {
        total += row.n();
        if (grouping != null) {
          groups.add(new SummaryData.Group(row.siteCode(), row.n()));
          sizes.put(row.siteCode(), row.n());
        }
      }
    }
    if (total > 0) {
      sizes.put(SummaryData.OVERALL, total);
    }

    // Every variable in every column; what the counts leave out of a column is not entered.
    Map<SummaryVariable, Map<String, SummaryData.Builder>> builders = new HashMap<>();
    Map<SummaryVariable, Map<String, Long>> counted = new HashMap<>();
    for (SummaryVariable variable : byName.values()) {
      Map<String, SummaryData.Builder> columns = new HashMap<>();
      sizes.keySet().forEach(key -> columns.put(key, SummaryData.Builder.of(variable)));
      builders.put(variable, columns);
      counted.put(variable, new HashMap<>());
    }
    for (CaseValueCounts.Count row : rows) {
      SummaryVariable variable = row.variable() == null ? null : byName.get(row.variable());
      if (variable == null) {
        continue;
      }
      Map<String, SummaryData.Builder> columns = builders.get(variable);
      Map<String, Long> columnCounts = counted.get(variable);
      if (grouping != null) {
        add(columns, columnCounts, variable, row.siteCode(), row);
      }
      add(columns, columnCounts, variable, SummaryData.OVERALL, row);
    }
    builders.forEach(
        (variable, columns) ->
            columns.forEach(
                (key, builder) ->
                    builder.missing(
                        null,
                        sizes.getOrDefault(key, 0L)
                            - counted.get(variable).getOrDefault(key, 0L))));

    groups.sort(SummaryQuery.groupOrder(grouping, null));
    return Optional.of(SummaryData.of(grouping, groups, total, variables, builders));
  }

  private static void add(
      Map<String, SummaryData.Builder> columns,
      Map<String, Long> counted,
      SummaryVariable variable,
      String key,
      CaseValueCounts.Count row) {
    SummaryData.Builder builder = columns.get(key);
    if (builder == null) {
      builder = SummaryData.Builder.of(variable);
      columns.put(key, builder);
    }
    builder.add(row.value(), row.reason(), row.n());
    counted.merge(key, row.n(), Long::sum);
  }
}
