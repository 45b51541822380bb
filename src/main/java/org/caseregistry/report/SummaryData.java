package org.caseregistry.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a summary table, computed once (by the database) and not yet laid out: the groups
 * with their N, and for every variable and every group (and overall) the statistics and how many
 * values are unknown, not applicable or not entered.
 *
 * @param grouping the grouping variable, or null for the overall column alone
 * @param groups the groups in column order (code null: grouping value not recorded)
 */
record SummaryData(
    String grouping, List<Group> groups, long total, List<VariableResult> variables) {

  /** The key of the overall column. */
  static final String OVERALL = "\u0001overall";

  /** The key of the group of cases whose grouping value is not recorded. */
  static final String NOT_RECORDED = "\u0001none";

  /**
   * The table from its builders, by variable and column key; a variable without any is empty.
   *
   * @param groups in column order
   */
  static SummaryData of(
      String grouping,
      List<Group> groups,
      long total,
      List<SummaryVariable> variables,
      Map<SummaryVariable, Map<String, Builder>> builders) {
    List<VariableResult> results = new ArrayList<>();
    for (SummaryVariable variable : new LinkedHashSet<>(variables)) {
      Map<String, Counts> byGroup = new HashMap<>();
      builders
          .getOrDefault(variable, Map.of())
          .forEach((group, builder) -> byGroup.put(group, builder.build()));
      results.add(new VariableResult(variable, byGroup));
    }
    return new SummaryData(grouping, grouping == null ? List.of() : groups, total, results);
  }

  record Group(String code, long n) {
    String key() {
      return code == null ? NOT_RECORDED : code;
    }
  }

  record VariableResult(SummaryVariable variable, Map<String, Counts> byGroup) {

    Counts in(String groupKey) {
      return byGroup.getOrDefault(groupKey, Counts.NONE);
    }
  }

  /**
   * One variable in one column. For a continuous variable {@code statistics}; for a categorical one
   * the count of each known code. Unknown, not applicable and not entered are counted apart and are
   * not part of the denominator.
   */
  record Counts(
      ContinuousStatistics statistics,
      Map<String, Long> codes,
      long unknown,
      long notApplicable,
      long notEntered) {

    static final Counts NONE = new Counts(ContinuousStatistics.EMPTY, Map.of(), 0, 0, 0);

    /** How many cases have a known value: the denominator of the percentages. */
    long known() {
      return statistics != null && statistics.n() > 0
          ? statistics.n()
          : codes.values().stream().mapToLong(Long::longValue).sum();
    }

    long code(String code) {
      return codes.getOrDefault(code, 0L);
    }
  }

  /** The counts of one variable in one column as they are added: values, codes and missing. */
  abstract static sealed class Builder permits CodesBuilder, ValuesBuilder {
    private long unknown;
    private long notApplicable;
    private long notEntered;

    /** A categorical or continuous variable's builder. */
    static Builder of(SummaryVariable variable) {
      return variable.continuous() ? new ValuesBuilder() : new CodesBuilder(variable);
    }

    /**
     * {@code count} cases with this value (or code) as text, or none and this missing reason
     * ("UNKNOWN", "NOT_APPLICABLE"; any other, or none, counts as not entered).
     */
    abstract void add(String value, String reason, long count);

    final void missing(String reason, long count) {
      if ("UNKNOWN".equals(reason)) {
        unknown += count;
      } else if ("NOT_APPLICABLE".equals(reason)) {
        notApplicable += count;
      } else {
        notEntered += count;
      }
    }

    final void unknown(long count) {
      unknown += count;
    }

    final void notApplicable(long count) {
      notApplicable += count;
    }

    abstract Counts build();

    final Counts build(ContinuousStatistics statistics, Map<String, Long> codes) {
      return new Counts(statistics, codes, unknown, notApplicable, notEntered);
    }
  }

  /** A categorical variable: codes counted, the unknown and not-applicable codes as missing. */
  static final class CodesBuilder extends Builder {
    private final SummaryVariable variable;
    private final Map<String, Long> codes = new LinkedHashMap<>();

    CodesBuilder(SummaryVariable variable) {
      this.variable = variable;
    }

    @Override
    void add(String code, String reason, long count) {
      if (code == null) {
        missing(reason, count);
        return;
      }
      var option = variable.option(code);
      if (option.isPresent() && option.get().isUnknown()) {
        unknown(count);
      } else if (option.isPresent() && option.get().isNotApplicable()) {
        notApplicable(count);
      } else {
        codes.merge(code, count, Long::sum);
      }
    }

    @Override
    Counts build() {
      return build(null, Map.copyOf(codes));
    }
  }

  /** A continuous variable: its values counted ({@link ValueCounts}), and the missing by reason. */
  static final class ValuesBuilder extends Builder {
    private final ValueCounts values = new ValueCounts();

    @Override
    void add(String value, String reason, long count) {
      if (value != null) {
        values.add(new BigDecimal(value), count);
      } else {
        missing(reason, count);
      }
    }

    @Override
    Counts build() {
      return build(values.statistics(), Map.of());
    }
  }
}
