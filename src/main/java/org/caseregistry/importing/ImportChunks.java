package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseregistry.cases.CaseImport;
import org.caseregistry.cases.CaseImportChunks;
import org.caseregistry.cases.CaseImportResult;
import org.caseregistry.cases.CaseImportTotals;
import org.caseregistry.cases.CaseWarning;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.importing.CaseFileFormat.Sheet;
import org.caseregistry.importing.CaseFileInterpreter.CaseRows;
import org.caseregistry.importing.CaseFileInterpreter.ItemRow;

/**
 * A file's cases handed to the case service a chunk at a time, and what the report keeps of each
 * judged chunk: the problems placed on the sheet, row and cell they came from, the warnings and the
 * changed fields of updated cases. The chunk's rows are let go once it is judged.
 */
final class ImportChunks implements CaseImportChunks {

  private final long seriesId;
  private final ChunkedCaseFile file;
  private final boolean updateExisting;
  private final String source;
  private final Map<String, Long> expectedRevisions;
  private final List<ImportProblem> caseProblems = new ArrayList<>();
  private final List<ImportReport.WarningRow> warnings = new ArrayList<>();
  private final List<ImportReport.UpdatedCase> updates = new ArrayList<>();
  private ChunkedCaseFile.Chunk current;
  private int chunks;

  ImportChunks(
      long seriesId,
      ChunkedCaseFile file,
      boolean updateExisting,
      String source,
      Map<String, Long> expectedRevisions) {
    this.seriesId = seriesId;
    this.file = file;
    this.updateExisting = updateExisting;
    this.source = source;
    this.expectedRevisions = expectedRevisions == null ? null : Map.copyOf(expectedRevisions);
  }

  @Override
  public long seriesId() {
    return seriesId;
  }

  @Override
  public CaseImport.Request next() {
    current = file.next();
    if (current == null) {
      return null;
    }
    chunks++;
    return new CaseImport.Request(
        seriesId,
        current.cases(),
        file.columns(),
        file.listSections(),
        file.customLists(),
        updateExisting,
        source,
        expectedRevisions);
  }

  @Override
  public boolean hasProblems() {
    return file.hasProblems();
  }

  @Override
  public void judged(CaseImportResult chunk) {
    for (CaseImportResult.Problem problem : chunk.problems()) {
      caseProblems.add(place(problem, current.rows().get(problem.ref())));
    }
    for (CaseImportResult.CaseOutcome outcome : chunk.outcomes()) {
      CaseRows rows = current.rows().get(outcome.ref());
      for (CaseWarning warning : outcome.warnings()) {
        warnings.add(
            new ImportReport.WarningRow(
                file.sheetName(Sheet.CASES), rows.row(), outcome.studyCode(), warning));
      }
      if (outcome.kind() == CaseImportResult.Kind.UPDATED) {
        updates.add(
            new ImportReport.UpdatedCase(outcome.studyCode(), rows.row(), outcome.changedFields()));
      }
    }
    current = null;
  }

  /** The chunks handed over so far. */
  int chunks() {
    return chunks;
  }

  /** Every problem: the file's (sheets, headers, cells), then the case service's, in case order. */
  List<ImportProblem> problems() {
    List<ImportProblem> problems = file.problems();
    problems.addAll(caseProblems);
    return problems;
  }

  ImportReport report(String fileName, CaseImportTotals totals) {
    return new ImportReport(
        fileName,
        updateExisting,
        totals.written(),
        problems(),
        warnings,
        file.notes(),
        totals.newCases(),
        totals.updatedCases(),
        totals.unchangedCases(),
        updates,
        file.rowCounts());
  }

  /** Puts a problem the case service found on the sheet, row and cell it came from. */
  private ImportProblem place(CaseImportResult.Problem problem, CaseRows rows) {
    String field = problem.field();
    Section section =
        problem.section() != null
            ? problem.section()
            : CaseVariables.exists(field) ? CaseVariables.get(field).section() : null;
    if (section != null && section.isList() && problem.item() != null) {
      Sheet sheet = Sheet.of(section);
      List<ItemRow> items = rows.items().getOrDefault(section, List.of());
      if (problem.item() < items.size()) {
        ItemRow item = items.get(problem.item());
        return new ImportProblem(
            file.sheetName(sheet),
            item.row(),
            field,
            item.cells().getOrDefault(field, ""),
            problem.messageKey(),
            problem.arguments());
      }
      return new ImportProblem(
          file.sheetName(sheet), null, field, "", problem.messageKey(), problem.arguments());
    }
    return new ImportProblem(
        file.sheetName(Sheet.CASES),
        rows.row(),
        field,
        rows.cells().getOrDefault(field, ""),
        problem.messageKey(),
        problem.arguments());
  }
}
