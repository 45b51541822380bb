package org.caseregistry.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseDisplay;
import org.caseregistry.importing.ImportReport;
import org.caseregistry.importing.ImportService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import through the API, with the page's dry run: {@code …/import/check} reads and judges the file
 * and writes nothing; {@code …/import} judges it again against what is stored now and writes all of
 * it in one transaction, or nothing. Same format, limits and per-case rights as the import page.
 */
@RestController
@RequestMapping("/api/v1/series/{seriesId}/import")
@Tag(name = "Import")
class ImportApiController {

  private final ImportService importService;
  private final ApiMessages messages;
  private final CaseDisplay caseDisplay;

  ImportApiController(ImportService importService, ApiMessages messages, CaseDisplay caseDisplay) {
    this.importService = importService;
    this.messages = messages;
    this.caseDisplay = caseDisplay;
  }

  /** What an import does, or would do. */
  record ImportJson(
      String fileName,
      boolean updateExisting,
      boolean written,
      long newCases,
      long updatedCases,
      long unchangedCases,
      Map<String, Integer> rowCounts,
      List<ProblemJson> problems,
      List<WarningJson> warnings,
      List<NoteJson> notes,
      List<UpdateJson> updates) {}

  /** A value or structure that stops the import, placed on its sheet, row and column. */
  record ProblemJson(
      String sheet, Integer row, String column, String value, String code, String message) {}

  /** A warning of the case checks: saved, but worth a look. */
  record WarningJson(String sheet, int row, String studyCode, String code, String message) {}

  record NoteJson(String sheet, String code, String message) {}

  /** An existing case the import changes, with the fields that change. */
  record UpdateJson(String studyCode, int row, List<String> fields) {}

  @PostMapping(
      path = "/check",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Dry run of an import: every problem, warning and count; nothing is written",
      description =
          "The file as on the import page (an XLSX workbook, a ZIP of CSV files or one cases.csv;"
              + " at most 20 MB). Problems name sheet, row, column and value.")
  ImportJson check(
      @PathVariable long seriesId,
      @RequestParam("file") MultipartFile file,
      @Parameter(description = "Update cases whose study code is already in the series")
          @RequestParam(name = "update", defaultValue = "false")
          boolean update,
      CurrentAccount account) {
    return json(run(seriesId, file, update, false, account));
  }

  @PostMapping(
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Import: all cases of the file in one transaction, or none",
      description =
          "Checked again as the dry run checks it; 200 with the counts when written, 422 with"
              + " every problem when nothing was written.")
  @ApiResponse(
      responseCode = "200",
      description = "Written: every case of the file",
      content = @Content(schema = @Schema(implementation = ImportJson.class)))
  @ApiResponse(
      responseCode = "422",
      description = "Not written: the problems of the file, each on its sheet, row and column",
      content = @Content(schema = @Schema(implementation = ImportJson.class)))
  ResponseEntity<ImportJson> commit(
      @PathVariable long seriesId,
      @RequestParam("file") MultipartFile file,
      @Parameter(description = "Update cases whose study code is already in the series")
          @RequestParam(name = "update", defaultValue = "false")
          boolean update,
      CurrentAccount account) {
    ImportReport report = run(seriesId, file, update, true, account);
    return ResponseEntity.status(
            report.hasProblems() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
        .body(json(report));
  }

  private ImportReport run(
      long seriesId, MultipartFile file, boolean update, boolean commit, CurrentAccount account) {
    byte[] bytes;
    try {
      bytes = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = file.getOriginalFilename();
    return commit
        ? importService.commit(seriesId, name, bytes, update, account)
        : importService.check(seriesId, name, bytes, update, account);
  }

  private ImportJson json(ImportReport report) {
    return new ImportJson(
        report.fileName(),
        report.updateExisting(),
        report.written(),
        report.newCases(),
        report.updatedCases(),
        report.unchangedCases(),
        report.rowCounts(),
        report.problems().stream()
            .map(
                p ->
                    new ProblemJson(
                        p.sheet(),
                        p.row(),
                        p.column(),
                        p.value(),
                        p.messageKey(),
                        messages.text(p.messageKey(), p.arguments())))
            .toList(),
        report.warnings().stream()
            .map(
                w ->
                    new WarningJson(
                        w.sheet(),
                        w.row(),
                        w.studyCode(),
                        w.warning().code(),
                        caseDisplay.warning(w.warning(), ApiMessages.LANGUAGE)))
            .toList(),
        report.notes().stream()
            .map(
                n ->
                    new NoteJson(
                        n.sheet(), n.messageKey(), messages.text(n.messageKey(), n.arguments())))
            .toList(),
        report.updates().stream()
            .map(u -> new UpdateJson(u.studyCode(), u.row(), u.fields()))
            .toList());
  }
}
