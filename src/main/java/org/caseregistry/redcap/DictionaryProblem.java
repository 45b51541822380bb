package org.caseregistry.redcap;

import java.util.List;

/**
 * A row of a data dictionary that cannot be taken as it is.
 *
 * @param row the line number in the file where the row starts (the heading is line 1)
 * @param field the row's field name, blank when the problem concerns the whole file
 * @param severity what happens to the row
 * @param messageKey the reason: a key under {@code redcap.problem.}, or one of the form rules' keys
 *     ({@code form.problem.}) when the form read breaks one of them
 * @param args the values the message names (a field type, a function, a code…)
 */
public record DictionaryProblem(
    int row, String field, Severity severity, String messageKey, List<Object> args) {

  /** What becomes of a row that cannot be taken as it is. */
  public enum Severity {
    /** The file cannot be applied until this is corrected. */
    REFUSED,
    /** The row is left out; the rest can be applied. */
    SKIPPED,
    /** The row is taken, without what the reason names. */
    CHANGED
  }

  public DictionaryProblem {
    field = field == null ? "" : field;
    args = args == null ? List.of() : List.copyOf(args);
  }

  /** A problem of a dictionary's row, with its reason under {@code redcap.problem.}. */
  static DictionaryProblem problem(
      int row, String field, Severity severity, String code, Object... args) {
    return new DictionaryProblem(row, field, severity, "redcap.problem." + code, List.of(args));
  }

  public String severityKey() {
    return "redcap.severity." + severity.name().toLowerCase();
  }
}
