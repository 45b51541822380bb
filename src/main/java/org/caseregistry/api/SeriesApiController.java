package org.caseregistry.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseList;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.Outcome;
import org.caseregistry.series.SeriesService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case series an account sees, their case lists, and new cases in them. */
@RestController
@RequestMapping(path = "/api/v1/series", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Case series")
class SeriesApiController {

  static final int DEFAULT_PAGE_SIZE = 25;
  static final int MAX_PAGE_SIZE = 100;
  private static final Set<String> STATUSES = Set.of("ACTIVE", "WITHDRAWN", "FLAGGED");

  private final SeriesService seriesService;
  private final CaseList caseList;
  private final CaseService caseService;
  private final CaseRepresentation representation;
  private final ApiMessages messages;

  SeriesApiController(
      SeriesService seriesService,
      CaseList caseList,
      CaseService caseService,
      CaseRepresentation representation,
      ApiMessages messages) {
    this.seriesService = seriesService;
    this.caseList = caseList;
    this.caseService = caseService;
    this.representation = representation;
    this.messages = messages;
  }

  @GetMapping
  @Operation(summary = "The case series your sites take part in (admins: all)")
  SeriesJson.ListJson list(CurrentAccount account) {
    return new SeriesJson.ListJson(
        seriesService.visibleTo(account).stream().map(SeriesJson::of).toList());
  }

  @GetMapping("/{seriesId}")
  @Operation(summary = "One case series; 404 if your sites do not take part in it")
  SeriesJson get(@PathVariable long seriesId, CurrentAccount account) {
    return SeriesJson.of(seriesService.visible(seriesId, account));
  }

  @GetMapping("/{seriesId}/cases")
  @Operation(
      summary = "A page of the series' cases at your sites",
      description = "Sorted by study code. A page past the last one is empty.")
  CaseListJson cases(
      @PathVariable long seriesId,
      @Parameter(description = "Page number, from 1") @RequestParam(defaultValue = "1") int page,
      @Parameter(description = "Cases per page, 1 to 100")
          @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE)
          int size,
      @Parameter(description = "Only this site (its id)") @RequestParam(required = false) Long site,
      @Parameter(description = "ACTIVE, WITHDRAWN, or FLAGGED (with warnings)")
          @RequestParam(required = false)
          String status,
      @Parameter(description = "Part of the study code") @RequestParam(required = false) String q,
      CurrentAccount account) {
    List<FieldErrorJson> errors = new ArrayList<>();
    if (page < 1) {
      errors.add(new FieldErrorJson("page", "range", "Must be at least 1."));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(
          new FieldErrorJson("size", "range", "Must be between 1 and " + MAX_PAGE_SIZE + "."));
    }
    if (status != null && !STATUSES.contains(status)) {
      errors.add(
          new FieldErrorJson("status", "unknown-code", "Must be ACTIVE, WITHDRAWN or FLAGGED."));
    }
    if (q != null && q.length() > 100) {
      errors.add(new FieldErrorJson("q", "too-long", "Must be at most 100 characters."));
    }
    if (!errors.isEmpty()) {
      throw ApiRequestException.badRequest(errors);
    }
    seriesService.visible(seriesId, account);
    CaseList.Page found =
        caseList.find(seriesId, new CaseList.Filter(site, status, q, null, page), size, account);
    return CaseListJson.of(found, page, size);
  }

  @PostMapping("/{seriesId}/cases")
  @Refusals({409, 422})
  @Operation(
      summary = "Create a case (surgeons and admins)",
      description =
          "201 with the new case; 422 with errors on studyCode or siteId; 409 when the study"
              + " code is already used in the series.")
  ResponseEntity<CaseJson> create(
      @PathVariable long seriesId, @RequestBody NewCaseRequest body, CurrentAccount account) {
    Outcome outcome = caseService.create(seriesId, body.studyCode(), body.siteId(), false, account);
    if (outcome.problems().stream()
        .anyMatch(problem -> problem.messageKey().equals("case.study-code.taken"))) {
      // The series already holds the code (perhaps created a moment ago by someone else).
      throw new ApiRequestException(
          HttpStatus.CONFLICT,
          "The study code is already used in this series.",
          messages.errors(outcome.problems()));
    }
    if (!outcome.problems().isEmpty()) {
      throw ApiRequestException.invalid(messages.errors(outcome.problems()));
    }
    CaseService.CaseView view = caseService.view(outcome.id(), account);
    URI location = ApiLocations.of("/api/v1/cases/{caseId}", outcome.id());
    return ResponseEntity.created(location)
        .eTag(CaseRepresentation.etag(view))
        .body(representation.of(view));
  }
}
