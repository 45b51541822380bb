package org.caseregistry.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A laid-out report table, numbers computed and formatted once: the HTML page, the print view, the
 * CSV and the XLSX all render this same object.
 *
 * @param id stable identifier, used as the HTML id and the XLSX sheet name's source
 * @param header header rows (the first cell of each names the row labels' column)
 * @param rows body rows; the first cell of each is its label
 * @param footnotes what the statistics are, and what was left out
 */
record ReportTable(
    String id, String title, List<List<Cell>> header, List<Row> rows, List<String> footnotes) {

  /** The number of columns, label column included. */
  int width() {
    return header.isEmpty() ? 0 : header.get(0).size();
  }

  enum Kind {
    /** A variable's heading, over its statistic rows. */
    VARIABLE,
    /** One statistic or category of the variable above. */
    DETAIL,
    /** A row standing alone (per-patient tables). */
    PLAIN
  }

  record Row(Kind kind, List<Cell> cells) {}

  /**
   * One cell: the text as shown, and where the cell is a single number, that number (for numeric
   * spreadsheet cells) with the decimals it is shown with; and every statistic the text shows, as
   * an unrounded number by name (n, mean, sd, median, q1, q3, min, max, count, percent,
   * denominator), so that a program reading the JSON never parses "7.2 (1.0)".
   */
  record Cell(
      String text,
      BigDecimal number,
      int decimals,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, BigDecimal> values) {

    Cell(String text, BigDecimal number, int decimals) {
      this(text, number, decimals, Map.of());
    }

    /** A cell showing several statistics, e.g. "7.2 (1.0)" with n, mean and sd. */
    static Cell statistics(String text, Map<String, BigDecimal> values) {
      Map<String, BigDecimal> known = new LinkedHashMap<>();
      values.forEach(
          (name, value) -> {
            if (value != null) {
              known.put(name, value);
            }
          });
      return new Cell(text, null, 0, Collections.unmodifiableMap(known));
    }

    /** "5 (83.3)" or "5/6": a count, its denominator and the percentage. */
    static Cell countOf(String text, long count, long denominator) {
      Map<String, BigDecimal> values = new LinkedHashMap<>();
      values.put("count", BigDecimal.valueOf(count));
      values.put("denominator", BigDecimal.valueOf(denominator));
      values.put("percent", Statistics.percent(count, denominator));
      return statistics(text, values);
    }

    static Cell text(String text) {
      return new Cell(text == null ? "" : text, null, 0);
    }

    static Cell number(BigDecimal number, int decimals, String text) {
      return new Cell(text, number, decimals);
    }

    /** A mean shown alone (one value, or no SD): its number, with n and the mean by name. */
    static Cell mean(BigDecimal mean, long n, int decimals, String text) {
      Map<String, BigDecimal> values = new LinkedHashMap<>();
      values.put("n", BigDecimal.valueOf(n));
      values.put("mean", mean);
      return new Cell(text, mean, decimals, Collections.unmodifiableMap(values));
    }

    static Cell count(long count) {
      return new Cell(
          Long.toString(count),
          BigDecimal.valueOf(count),
          0,
          Map.of("count", BigDecimal.valueOf(count)));
    }

    boolean numeric() {
      return number != null;
    }
  }
}
