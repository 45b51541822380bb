package org.caseregistry.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.redcap.DictionaryProblem;
import org.caseregistry.redcap.RedcapMessages;
import org.caseregistry.redcap.RedcapService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A series' form as a REDCap data dictionary ({@code text/csv}); the JSON form of the same resource
 * is chosen by {@code Accept} and {@code Content-Type}.
 */
@RestController
@RequestMapping("/api/v1/series")
@Tag(name = "Case series")
class SeriesFormCsvApiController {

  static final String TEXT_CSV = "text/csv";

  private final RedcapService redcapService;
  private final RedcapMessages messages;

  SeriesFormCsvApiController(RedcapService redcapService, RedcapMessages messages) {
    this.redcapService = redcapService;
    this.messages = messages;
  }

  /** What a dictionary gives, or would give: rows not taken as they are, modules and sections. */
  record DictionaryJson(
      boolean applicable,
      Integer version,
      int rowsRead,
      List<String> modules,
      List<String> sections,
      List<RowJson> rows) {}

  /** A row that cannot be taken as it is: REFUSED, SKIPPED (left out) or CHANGED (taken). */
  record RowJson(int row, String field, String severity, String code, String message) {}

  @GetMapping(path = "/{seriesId}/form", produces = TEXT_CSV)
  @Operation(
      summary = "The series' form as a REDCap data dictionary",
      description =
          "CSV with REDCap's 18 columns. Built-in modules are one REDCap form each, named by the"
              + " module; the ETag is the form's version, for If-Match on PUT.")
  ResponseEntity<byte[]> dictionary(@PathVariable long seriesId, CurrentAccount account) {
    byte[] csv = redcapService.dictionary(seriesId, account);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .eTag(ApiVersions.etag(redcapService.currentVersion(seriesId, account)))
        .body(csv);
  }

  @PutMapping(
      path = "/{seriesId}/form",
      consumes = TEXT_CSV,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Refusals({409, 412, 422, 428})
  @Operation(
      summary = "Replace the series' form by a REDCap data dictionary (coordinators, admins)",
      description =
          "With dryRun=true nothing is written: the answer lists every row that cannot be taken"
              + " as it is, with its row number and reason (REFUSED rows must be corrected;"
              + " SKIPPED rows are left out; CHANGED rows are taken without what the reason"
              + " names). Otherwise If-Match with the form's version is required, the form is"
              + " saved as a new version (200 with that version) or refused (422, the refused"
              + " rows as errors).")
  ResponseEntity<DictionaryJson> upload(
      @PathVariable long seriesId,
      @Parameter(description = "Only check the dictionary; write nothing")
          @RequestParam(defaultValue = "false")
          boolean dryRun,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody(required = false) byte[] body,
      CurrentAccount account) {
    byte[] csv = body == null ? new byte[0] : body;
    if (dryRun) {
      return ResponseEntity.ok(json(redcapService.check(seriesId, csv, account), null));
    }
    redcapService.requireUploader(seriesId, account);
    ApiVersions.Expected expected = ApiVersions.expected(null, ifMatch);
    if (expected.version() != redcapService.currentVersion(seriesId, account)) {
      throw expected.stale();
    }
    RedcapService.Outcome outcome = redcapService.apply(seriesId, csv, expected.version(), account);
    if (!outcome.saved()) {
      List<FieldErrorJson> errors =
          outcome.reading().problems().stream()
              .filter(problem -> problem.severity() == DictionaryProblem.Severity.REFUSED)
              .map(
                  problem ->
                      new FieldErrorJson(
                          problem.field().isEmpty() ? "row " + problem.row() : problem.field(),
                          problem.messageKey(),
                          "Row " + problem.row() + ": " + text(problem)))
              .toList();
      throw new ApiRequestException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "The dictionary cannot be applied; see errors (rows as numbered in the file).",
          errors);
    }
    return ResponseEntity.ok()
        .eTag(ApiVersions.etag(outcome.savedVersion()))
        .body(json(outcome, outcome.savedVersion()));
  }

  private DictionaryJson json(RedcapService.Outcome outcome, Integer version) {
    return new DictionaryJson(
        outcome.applicable(),
        version,
        outcome.reading().rowCount(),
        outcome.reading().form().modules().stream().map(Section::slug).toList(),
        outcome.reading().form().sections().stream().map(SectionDefinition::key).toList(),
        outcome.reading().problems().stream()
            .map(
                problem ->
                    new RowJson(
                        problem.row(),
                        problem.field(),
                        problem.severity().name(),
                        problem.messageKey(),
                        text(problem)))
            .toList());
  }

  private String text(DictionaryProblem problem) {
    return messages.problem(problem, ApiMessages.LANGUAGE);
  }
}
