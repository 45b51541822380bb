package org.caseregistry.importing;

import java.util.List;

/**
 * A sheet (or CSV file) as read, before any interpretation: its name, its header row and its
 * non-blank rows, each with its row number as a spreadsheet shows it (the header is row 1).
 */
record RawSheet(String name, List<String> header, List<Row> rows) {

  record Row(int number, List<String> cells) {

    String cell(int column) {
      return column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
    }
  }
}
