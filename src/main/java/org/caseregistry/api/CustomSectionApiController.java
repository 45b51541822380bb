package org.caseregistry.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.CustomSectionService;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.form.SectionDefinition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * The custom sections of a case, by the section's key in the series' form, with the same rules as
 * built-in sections: values by field name, versions for optimistic locking, 422 with errors by
 * field, branching and calculations applied by the server.
 */
@RestController
@RequestMapping(
    path = "/api/v1/cases/{caseId}/forms/{key}",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
class CustomSectionApiController {

  private final CustomSectionService sections;
  private final CaseService caseService;
  private final CaseResponses responses;

  CustomSectionApiController(
      CustomSectionService sections, CaseService caseService, CaseResponses responses) {
    this.sections = sections;
    this.caseService = caseService;
    this.responses = responses;
  }

  @GetMapping
  @Operation(
      summary = "A custom section of the series' form (its ETag is its version)",
      description = "Repeating sections answer with their items.")
  ResponseEntity<CaseJson.SectionJson> get(
      @PathVariable long caseId, @PathVariable String key, CurrentAccount account) {
    SectionDefinition section = sections.section(caseId, key, account);
    CaseService.CaseView view = caseService.view(caseId, account);
    CaseJson.SectionJson json = CaseRepresentation.custom(view, section);
    if (section.repeating()) {
      return ResponseEntity.ok(json);
    }
    return ResponseEntity.ok().eTag(ApiVersions.etag(json.version())).body(json);
  }

  @PutMapping
  @Refusals({409, 412, 422, 428})
  @Operation(
      summary = "Save a custom section (replaces all its values)",
      description =
          "Against the version read, in the body or as If-Match. Calculated fields are computed;"
              + " a field whose condition does not hold is stored as not applicable.")
  ResponseEntity<CaseJson> save(
      @PathVariable long caseId,
      @PathVariable String key,
      @RequestBody SectionRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      CurrentAccount account) {
    SectionDefinition section = single(caseId, key, account);
    ApiVersions.Expected expected = ApiVersions.expected(body.getVersion(), ifMatch);
    SectionForm form = CustomSectionRequests.form(section, body, expected.version());
    responses.refuseProblems(sections.save(caseId, key, form, account));
    return responses.current(caseId, account, HttpStatus.OK, null);
  }

  @GetMapping("/items/{itemId}")
  @Operation(summary = "One item of a repeating custom section (its ETag is its version)")
  ResponseEntity<CaseJson.ItemJson> item(
      @PathVariable long caseId,
      @PathVariable String key,
      @PathVariable long itemId,
      CurrentAccount account) {
    SectionDefinition section = list(caseId, key, account);
    SectionValues item = sections.item(caseId, key, itemId, account);
    return ResponseEntity.ok()
        .eTag(ApiVersions.etag(item.version()))
        .body(CaseRepresentation.customItem(section, item));
  }

  @PostMapping("/items")
  @Refusals(422)
  @Operation(summary = "Add an item to a repeating custom section")
  ResponseEntity<CaseJson> addItem(
      @PathVariable long caseId,
      @PathVariable String key,
      @RequestBody SectionRequest body,
      CurrentAccount account) {
    SectionDefinition section = list(caseId, key, account);
    Outcome outcome =
        sections.saveItem(caseId, key, null, CustomSectionRequests.form(section, body, 0), account);
    responses.refuseProblems(outcome);
    URI location =
        ApiLocations.of(
            "/api/v1/cases/{caseId}/forms/{key}/items/{itemId}", caseId, key, outcome.id());
    return responses.current(caseId, account, HttpStatus.CREATED, location);
  }

  @PutMapping("/items/{itemId}")
  @Refusals({409, 412, 422, 428})
  @Operation(summary = "Change an item of a repeating custom section")
  ResponseEntity<CaseJson> saveItem(
      @PathVariable long caseId,
      @PathVariable String key,
      @PathVariable long itemId,
      @RequestBody SectionRequest body,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      CurrentAccount account) {
    SectionDefinition section = list(caseId, key, account);
    sections.item(caseId, key, itemId, account); // 404 for an item that never existed
    ApiVersions.Expected expected = ApiVersions.expected(body.getVersion(), ifMatch);
    SectionForm form = CustomSectionRequests.form(section, body, expected.version());
    responses.refuseProblems(sections.saveItem(caseId, key, itemId, form, account));
    return responses.current(caseId, account, HttpStatus.OK, null);
  }

  @DeleteMapping("/items/{itemId}")
  @Refusals({409, 412, 428})
  @Operation(summary = "Remove an item of a repeating custom section")
  ResponseEntity<CaseJson> deleteItem(
      @PathVariable long caseId,
      @PathVariable String key,
      @PathVariable long itemId,
      @RequestParam(required = false) Integer version,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      CurrentAccount account) {
    list(caseId, key, account);
    ApiVersions.Expected expected = ApiVersions.expected(version, ifMatch);
    sections.deleteItem(caseId, key, itemId, expected.version(), account);
    return responses.current(caseId, account, HttpStatus.OK, null);
  }

  private SectionDefinition single(long caseId, String key, CurrentAccount account) {
    SectionDefinition section = sections.section(caseId, key, account);
    if (section.repeating()) {
      throw new ApiRequestException(
          HttpStatus.NOT_FOUND,
          "'" + key + "' is a repeating section: save its items under /items.");
    }
    return section;
  }

  private SectionDefinition list(long caseId, String key, CurrentAccount account) {
    SectionDefinition section = sections.section(caseId, key, account);
    if (!section.repeating()) {
      throw new ApiRequestException(
          HttpStatus.NOT_FOUND, "'" + key + "' is not a repeating section: it has no items.");
    }
    return section;
  }
}
