package org.caseregistry.importing;

import java.util.List;

/**
 * Receives a file's sheets as they are read, row by row, so that a reader never has to hold a
 * sheet: the sheet's name, its header (its first non-blank row), then every further non-blank row.
 */
interface SheetRows {

  /** A sheet (or CSV file) begins; the previous one, if any, has ended. */
  void sheet(String name);

  /** The sheet's first non-blank row: its column names. */
  void header(List<String> cells);

  /** A further non-blank row of the sheet. */
  void row(RawSheet.Row row);
}
