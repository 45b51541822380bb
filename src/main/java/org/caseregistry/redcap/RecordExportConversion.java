package org.caseregistry.redcap;

import java.util.List;

/**
 * A REDCap flat record export turned into the registry's own import file ({@code cases.csv}), so
 * that the import's dry run, checks and all-or-nothing commit apply to it unchanged.
 *
 * @param casesCsv the import file: one row per record, in the export's order (row numbers match)
 * @param problems what refuses the file before the import judges it (rows, columns, values)
 * @param notes columns REDCap adds for itself, left out and said so
 */
public record RecordExportConversion(byte[] casesCsv, List<Problem> problems, List<Note> notes) {

  public RecordExportConversion {
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  /** Something in the export that the conversion cannot take; the import is then refused. */
  public record Problem(Integer row, String column, String value, String messageKey) {}

  /** A column left out, with the reason (a message key naming it). */
  public record Note(String column, String messageKey) {}

  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}
