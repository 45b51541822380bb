package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A summary table laid out from numbers made by hand: columns with N, rows per statistic. */
class SummaryLayoutTest {

  private static ContinuousStatistics stats(
      long n, String mean, String sd, String median, String q1, String q3, String min, String max) {
    return new ContinuousStatistics(
        n,
        new BigDecimal(mean),
        sd == null ? null : new BigDecimal(sd),
        new BigDecimal(median),
        new BigDecimal(q1),
        new BigDecimal(q3),
        new BigDecimal(min),
        new BigDecimal(max));
  }

  @Test
  void groupsThenOverallEachWithNAndMissingCountsBesideThePercentages() {
    SummaryVariable age = SummaryVariable.find("age_at_surgery").orElseThrow();
    SummaryVariable sex = SummaryVariable.find("sex").orElseThrow();
    SummaryData data =
        new SummaryData(
            "site",
            List.of(new SummaryData.Group("BVE", 4), new SummaryData.Group("BVTN", 2)),
            6,
            List.of(
                new SummaryData.VariableResult(
                    age,
                    Map.of(
                        "BVE",
                        new SummaryData.Counts(
                            stats(4, "58.25", "3.304", "58", "55.75", "60.5", "55", "62"),
                            Map.of(),
                            0,
                            0,
                            0),
                        "BVTN",
                        new SummaryData.Counts(
                            stats(1, "47", null, "47", "47", "47", "47", "47"), Map.of(), 1, 0, 0),
                        SummaryData.OVERALL,
                        new SummaryData.Counts(
                            stats(5, "56", "5.612", "56", "55", "60", "47", "62"),
                            Map.of(),
                            1,
                            0,
                            0))),
                new SummaryData.VariableResult(
                    sex,
                    Map.of(
                        "BVE",
                        new SummaryData.Counts(null, Map.of("MALE", 3L, "FEMALE", 1L), 0, 0, 0),
                        "BVTN",
                        new SummaryData.Counts(null, Map.of("MALE", 1L), 0, 0, 1),
                        SummaryData.OVERALL,
                        new SummaryData.Counts(null, Map.of("MALE", 4L, "FEMALE", 1L), 0, 0, 1)))));
    ReportTable table =
        new SummaryLayout(new StubLabels(), new ReportFormat(Locale.ENGLISH))
            .build(data, "Summary", code -> "site " + code);
    assertThat(table.header().get(0).stream().map(ReportTable.Cell::text))
        .containsExactly("report.summary.variable", "site BVE", "site BVTN", "report.overall");
    assertThat(table.header().get(1).stream().map(ReportTable.Cell::text))
        .containsExactly(
            "",
            "report.summary.n-header[4]",
            "report.summary.n-header[2]",
            "report.summary.n-header[6]");
    List<List<String>> rows =
        table.rows().stream()
            .map(row -> row.cells().stream().map(ReportTable.Cell::text).toList())
            .toList();
    assertThat(rows)
        .contains(
            List.of("report.summary.n-values", "4", "1", "5"),
            List.of("report.summary.mean-sd", "58.3 (3.3)", "47.0", "56.0 (5.6)"),
            List.of(
                "report.summary.median-iqr",
                "58.0 (55.8, 60.5)",
                "47.0 (47.0, 47.0)",
                "56.0 (55.0, 60.0)"),
            List.of("report.summary.range", "55–62", "47–47", "47–62"),
            List.of("report.summary.unknown", "0", "1", "1"),
            List.of("report.summary.n-known", "4", "1", "5"),
            List.of("MALE", "3 (75.0)", "1 (100.0)", "4 (80.0)"),
            List.of("FEMALE", "1 (25.0)", "0 (0.0)", "1 (20.0)"),
            List.of("report.summary.not-entered", "0", "1", "1"));
    assertThat(rows.stream().map(r -> r.get(0))).doesNotContain("report.summary.not-applicable");
    assertThat(table.footnotes()).hasSize(4);
  }
}
