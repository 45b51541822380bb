package org.caseregistry.importing;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.caseregistry.cases.CaseWarning;

/**
 * The outcome of a dry run or a commit, as the result page shows it: every problem (each once), the
 * warnings of the case checks, notes, and how many cases are new, updated or unchanged.
 *
 * @param written whether the cases were written (a commit without problems)
 * @param rowCounts data rows per sheet, by the format's sheet name
 */
public record ImportReport(
    String fileName,
    boolean updateExisting,
    boolean written,
    List<ImportProblem> problems,
    List<WarningRow> warnings,
    List<ImportNote> notes,
    long newCases,
    long updatedCases,
    long unchangedCases,
    List<UpdatedCase> updates,
    Map<String, Integer> rowCounts)
    implements Serializable {

  /** A warning of the case checks for the case in this row: saved, but worth a look. */
  public record WarningRow(String sheet, int row, String studyCode, CaseWarning warning)
      implements Serializable {}

  /** An existing case the import changes, with the variables that change. */
  public record UpdatedCase(String studyCode, int row, List<String> fields)
      implements Serializable {}

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /** Whether a commit may follow: no problem, and something to write. */
  public boolean committable() {
    return problems.isEmpty() && newCases + updatedCases > 0;
  }

  static ImportReport unreadable(String fileName, boolean update, ImportProblem problem) {
    return new ImportReport(
        fileName,
        update,
        false,
        List.of(problem),
        List.of(),
        List.of(),
        0,
        0,
        0,
        List.of(),
        Map.of());
  }
}
