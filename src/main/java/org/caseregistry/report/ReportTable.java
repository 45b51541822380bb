package org.caseregistry.report;

import java.math.BigDecimal;
import java.util.List;

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
   * spreadsheet cells) with the decimals it is shown with.
   */
  record Cell(String text, BigDecimal number, int decimals) {

    static Cell text(String text) {
      return new Cell(text == null ? "" : text, null, 0);
    }

    static Cell number(BigDecimal number, int decimals, String text) {
      return new Cell(text, number, decimals);
    }

    static Cell count(long count) {
      return new Cell(Long.toString(count), BigDecimal.valueOf(count), 0);
    }

    boolean numeric() {
      return number != null;
    }
  }
}
