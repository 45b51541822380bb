package org.caseregistry.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.caseregistry.catalog.CodeOption;

/**
 * Lays out a summary ("Table 1"): one column per group and the overall column, each headed with its
 * N. A continuous variable shows n, mean (SD), median (Q1, Q3) and min–max; a categorical one n
 * (the denominator) and n (%) per code. Unknown, not applicable and not entered follow as counts
 * wherever any case has them.
 */
final class SummaryLayout {

  private final Labels labels;
  private final ReportFormat format;

  SummaryLayout(Labels labels, ReportFormat format) {
    this.labels = labels;
    this.format = format;
  }

  /**
   * @param groupLabel the heading of a group's column, from its code (null: not recorded)
   */
  ReportTable build(SummaryData data, String title, Function<String, String> groupLabel) {
    List<String> keys = new ArrayList<>();
    List<ReportTable.Cell> names = new ArrayList<>();
    List<ReportTable.Cell> sizes = new ArrayList<>();
    names.add(ReportTable.Cell.text(labels.message("report.summary.variable")));
    sizes.add(ReportTable.Cell.text(""));
    for (SummaryData.Group group : data.groups()) {
      keys.add(group.key());
      names.add(
          ReportTable.Cell.text(
              group.code() == null
                  ? labels.message("report.summary.not-recorded")
                  : groupLabel.apply(group.code())));
      sizes.add(
          ReportTable.Cell.text(
              labels.message("report.summary.n-header", String.valueOf(group.n()))));
    }
    keys.add(SummaryData.OVERALL);
    names.add(ReportTable.Cell.text(labels.message("report.overall")));
    sizes.add(
        ReportTable.Cell.text(
            labels.message("report.summary.n-header", String.valueOf(data.total()))));

    List<ReportTable.Row> rows = new ArrayList<>();
    for (SummaryData.VariableResult result : data.variables()) {
      SummaryVariable variable = result.variable();
      String unit =
          variable.continuous()
              ? "report.summary.continuous-hint"
              : "report.summary.categorical-hint";
      rows.add(
          row(
              ReportTable.Kind.VARIABLE,
              labels.message(variable.labelKey()) + ", " + labels.message(unit),
              keys,
              key -> ReportTable.Cell.text("")));
      rows.add(
          row(
              ReportTable.Kind.DETAIL,
              labels.message(
                  variable.continuous() ? "report.summary.n-values" : "report.summary.n-known"),
              keys,
              key -> ReportTable.Cell.count(result.in(key).known())));
      if (variable.continuous()) {
        continuousRows(result, keys, rows);
      } else {
        categoricalRows(result, keys, rows);
      }
      missingRows(result, keys, rows);
    }
    List<String> footnotes = new ArrayList<>();
    footnotes.add(labels.message("report.summary.footnote.continuous"));
    footnotes.add(labels.message("report.summary.footnote.categorical"));
    footnotes.add(labels.message("report.summary.footnote.missing"));
    footnotes.add(labels.message("report.summary.footnote.withdrawn"));
    return new ReportTable("summary", title, List.of(names, sizes), rows, footnotes);
  }

  private void continuousRows(
      SummaryData.VariableResult result, List<String> keys, List<ReportTable.Row> rows) {
    rows.add(
        row(
            ReportTable.Kind.DETAIL,
            labels.message("report.summary.mean-sd"),
            keys,
            key -> {
              ContinuousStatistics s = result.in(key).statistics();
              if (s == null || s.n() == 0) {
                return ReportTable.Cell.text("–");
              }
              if (s.sd() == null) {
                return ReportTable.Cell.mean(
                    s.mean(), s.n(), ReportFormat.STATISTIC_DECIMALS, format.statistic(s.mean()));
              }
              return ReportTable.Cell.statistics(
                  format.meanSd(s.mean(), s.sd()),
                  ordered("n", BigDecimal.valueOf(s.n()), "mean", s.mean(), "sd", s.sd()));
            }));
    rows.add(
        row(
            ReportTable.Kind.DETAIL,
            labels.message("report.summary.median-iqr"),
            keys,
            key -> {
              ContinuousStatistics s = result.in(key).statistics();
              return s == null || s.n() == 0
                  ? ReportTable.Cell.text("–")
                  : ReportTable.Cell.statistics(
                      format.medianQuartiles(s.median(), s.q1(), s.q3()),
                      ordered(
                          "n",
                          BigDecimal.valueOf(s.n()),
                          "median",
                          s.median(),
                          "q1",
                          s.q1(),
                          "q3",
                          s.q3()));
            }));
    rows.add(
        row(
            ReportTable.Kind.DETAIL,
            labels.message("report.summary.range"),
            keys,
            key -> {
              ContinuousStatistics s = result.in(key).statistics();
              return s == null || s.n() == 0
                  ? ReportTable.Cell.text("–")
                  : ReportTable.Cell.statistics(
                      format.range(s.min(), s.max()),
                      ordered("n", BigDecimal.valueOf(s.n()), "min", s.min(), "max", s.max()));
            }));
  }

  private void categoricalRows(
      SummaryData.VariableResult result, List<String> keys, List<ReportTable.Row> rows) {
    SummaryData.Counts overall = result.in(SummaryData.OVERALL);
    Set<String> codes = new LinkedHashSet<>();
    for (CodeOption option : result.variable().options()) {
      if (overall.code(option.code()) > 0) {
        codes.add(option.code());
      }
    }
    codes.addAll(overall.codes().keySet()); // codes outside the catalog, should there be any
    for (String code : codes) {
      String label = result.variable().option(code).map(labels::code).orElse(code);
      rows.add(
          row(
              ReportTable.Kind.DETAIL,
              label,
              keys,
              key -> {
                SummaryData.Counts counts = result.in(key);
                return ReportTable.Cell.countOf(
                    format.countPercent(counts.code(code), counts.known()),
                    counts.code(code),
                    counts.known());
              }));
    }
  }

  private void missingRows(
      SummaryData.VariableResult result, List<String> keys, List<ReportTable.Row> rows) {
    missingRow(result, keys, rows, "report.summary.unknown", SummaryData.Counts::unknown);
    missingRow(
        result, keys, rows, "report.summary.not-applicable", SummaryData.Counts::notApplicable);
    missingRow(result, keys, rows, "report.summary.not-entered", SummaryData.Counts::notEntered);
  }

  /** A row of one kind of missing value, shown only when some case of the whole table has one. */
  private void missingRow(
      SummaryData.VariableResult result,
      List<String> keys,
      List<ReportTable.Row> rows,
      String label,
      ToLongFunction<SummaryData.Counts> count) {
    if (count.applyAsLong(result.in(SummaryData.OVERALL)) > 0) {
      rows.add(
          row(
              ReportTable.Kind.DETAIL,
              labels.message(label),
              keys,
              key -> ReportTable.Cell.count(count.applyAsLong(result.in(key)))));
    }
  }

  private static ReportTable.Row row(
      ReportTable.Kind kind,
      String label,
      List<String> keys,
      Function<String, ReportTable.Cell> cell) {
    List<ReportTable.Cell> cells = new ArrayList<>();
    cells.add(ReportTable.Cell.text(label));
    keys.forEach(key -> cells.add(cell.apply(key)));
    return new ReportTable.Row(kind, cells);
  }

  /** Name, value, name, value …, in this order (nulls left out by the cell). */
  private static Map<String, BigDecimal> ordered(Object... pairs) {
    Map<String, BigDecimal> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], (BigDecimal) pairs[i + 1]);
    }
    return values;
  }
}
