package org.caseregistry.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.Section;
import org.caseregistry.platform.TextHygiene;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * A case: read it whole, save a section, add, change and remove list items, withdraw it. Every
 * write answers with the whole case as it now is (derived values and warnings included).
 */
@RestController
@RequestMapping(path = "/api/v1/cases/{caseId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
class CaseApiController {

  private final CaseService caseService;
  private final CaseRepresentation representation;
  private final ApiMessages messages;
  private final CaseResponses responses;

  CaseApiController(
      CaseService caseService,
      CaseRepresentation representation,
      ApiMessages messages,
      CaseResponses responses) {
    this.caseService = caseService;
    this.representation = representation;
    this.messages = messages;
    this.responses = responses;
  }

  @GetMapping
  @Operation(
      summary = "A case with every section, derived value and warning",
      description = "Answers with an ETag; with If-None-Match of the same tag, 304.")
  ResponseEntity<CaseJson> get(
      @PathVariable long caseId, WebRequest request, CurrentAccount account) {
    CaseService.CaseView view = caseService.view(caseId, account);
    String etag = CaseRepresentation.etag(view);
    if (request.checkNotModified(etag)) {
      return null;
    }
    return ResponseEntity.ok().eTag(etag).body(representation.of(view));
  }

  @GetMapping("/sections/{section}")
  @Operation(
      summary = "One section (its ETag is its version, for If-Match)",
      description =
          "Sections: patient, tumour, neoadjuvant, operation, postop, complications,"
              + " pathology, nodes, adjuvant, followup.")
  ResponseEntity<CaseJson.SectionJson> section(
      @PathVariable long caseId, @PathVariable("section") String slug, CurrentAccount account) {
    Section section = SectionRequests.section(slug);
    if (section.isList()) {
      CaseJson.SectionJson items =
          representation.of(caseService.view(caseId, account)).sections().get(section.slug());
      return ResponseEntity.ok(items);
    }
    SectionValues values = caseService.section(caseId, section, account);
    CaseJson.SectionJson json =
        new CaseJson.SectionJson(
            false,
            values.version(),
            CaseRepresentation.values(section, values),
            CaseRepresentation.missing(values),
            null);
    return ResponseEntity.ok().eTag(ApiVersions.etag(values.version())).body(json);
  }

  @PutMapping("/sections/{section}")
  @Refusals({409, 412, 422, 428})
  @Operation(
      summary = "Save a section (replaces all its values)",
      description =
          "Against the version read: in the body, or as If-Match: \"3\". 422 with errors by"
              + " variable name; 409 (body version) or 412 (If-Match) when someone else saved"
              + " first; 428 without a version; 403 while the case is withdrawn.")
  ResponseEntity<CaseJson> saveSection(
      @PathVariable long caseId,
      @PathVariable("section") String slug,
      @RequestBody SectionRequest body,
      @Parameter(description = "The section's version as entity tag, e.g. \"3\"")
          @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
          String ifMatch,
      CurrentAccount account) {
    Section section = SectionRequests.single(slug);
    ApiVersions.Expected expected = ApiVersions.expected(body.getVersion(), ifMatch);
    SectionForm form = SectionRequests.form(section, body, expected.version());
    responses.refuseProblems(caseService.saveSection(caseId, section, form, account));
    return responses.current(caseId, account, HttpStatus.OK, null);
  }

  @GetMapping("/sections/{section}/items/{itemId}")
  @Operation(summary = "One item of a list section (its ETag is its version)")
  ResponseEntity<CaseJson.ItemJson> item(
      @PathVariable long caseId,
      @PathVariable("section") String slug,
      @PathVariable long itemId,
      CurrentAccount account) {
    Section section = SectionRequests.list(slug);
    SectionValues item = caseService.item(caseId, section, itemId, account);
    return ResponseEntity.ok()
        .eTag(ApiVersions.etag(item.version()))
        .body(CaseRepresentation.item(section, item));
  }

  @PostMapping("/sections/{section}/items")
  @Refusals(422)
  @Operation(
      summary = "Add an item to a list section",
      description = "201 with the whole case; Location names the new item.")
  ResponseEntity<CaseJson> addItem(
      @PathVariable long caseId,
      @PathVariable("section") String slug,
      @RequestBody SectionRequest body,
      CurrentAccount account) {
    Section section = SectionRequests.list(slug);
    SectionForm form = SectionRequests.form(section, body, 0);
    Outcome outcome = caseService.saveItem(caseId, section, null, form, account);
    responses.refuseProblems(outcome);
    URI location =
        ApiLocations.of(
            "/api/v1/cases/{caseId}/sections/{section}/items/{itemId}",
            caseId,
            section.slug(),
            outcome.id());
    return responses.current(caseId, account, HttpStatus.CREATED, location);
  }

  @PutMapping("/sections/{section}/items/{itemId}")
  @Refusals({409, 412, 422, 428})
  @Operation(
      summary = "Change a list item (replaces all its values)",
      description = "Against the item's version, in the body or as If-Match; as for sections.")
  ResponseEntity<CaseJson> saveItem(
      @PathVariable long caseId,
      @PathVariable("section") String slug,
      @PathVariable long itemId,
      @RequestBody SectionRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      CurrentAccount account) {
    Section section = SectionRequests.list(slug);
    ApiVersions.Expected expected = ApiVersions.expected(body.getVersion(), ifMatch);
    SectionForm form = SectionRequests.form(section, body, expected.version());
    caseService.item(caseId, section, itemId, account); // 404 for an item that never existed
    responses.refuseProblems(caseService.saveItem(caseId, section, itemId, form, account));
    return responses.current(caseId, account, HttpStatus.OK, null);
  }

  @DeleteMapping("/sections/{section}/items/{itemId}")
  @Refusals({409, 412, 428})
  @Operation(
      summary = "Remove a list item",
      description = "Against the item's version: If-Match: \"2\", or ?version=2.")
  ResponseEntity<CaseJson> deleteItem(
      @PathVariable long caseId,
      @PathVariable("section") String slug,
      @PathVariable long itemId,
      @RequestParam(required = false) Integer version,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      CurrentAccount account) {
    Section section = SectionRequests.list(slug);
    ApiVersions.Expected expected = ApiVersions.expected(version, ifMatch);
    caseService.deleteItem(caseId, section, itemId, expected.version(), account);
    return responses.current(caseId, account, HttpStatus.OK, null);
  }

  @PostMapping("/withdraw")
  @Refusals({409, 422})
  @Operation(
      summary = "Withdraw the case from the study (coordinators and admins)",
      description = "Excluded from reports and read-only until restored (on the case page).")
  ResponseEntity<CaseJson> withdraw(
      @PathVariable long caseId, @RequestBody WithdrawalRequest body, CurrentAccount account) {
    CaseHeader header = caseService.readable(caseId, account);
    if (!CasePolicy.canWithdraw(account)) {
      throw new AccessDeniedException("Only coordinators and admins withdraw cases");
    }
    String reason = body.reason() == null ? "" : body.reason().strip();
    if (TextHygiene.hasControlCharacters(reason)) {
      // The pages' rule: such a reason cannot be stored (NUL) or only ever comes from a mistake.
      throw ApiRequestException.invalid(
          List.of(
              new FieldErrorJson(
                  "reason",
                  "value.control-characters",
                  messages.text("value.control-characters", List.of()))));
    }
    if (reason.isEmpty() || reason.length() > 500) {
      throw ApiRequestException.invalid(
          List.of(
              new FieldErrorJson(
                  "reason",
                  "case.withdraw.reason-required",
                  messages.text("case.withdraw.reason-required", List.of()))));
    }
    if (header.isWithdrawn()) {
      throw new ApiRequestException(HttpStatus.CONFLICT, "The case is already withdrawn.");
    }
    caseService.withdraw(caseId, reason, account);
    return responses.current(caseId, account, HttpStatus.OK, null);
  }
}
