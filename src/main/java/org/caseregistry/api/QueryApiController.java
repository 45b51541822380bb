package org.caseregistry.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.query.QueryService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Field queries: list a case's queries or the worklist, open one, answer it (and correct the
 * value), close or re-open it. The same rules as the pages: coordinators and admins open, close and
 * re-open; the surgeons of the case's site (and admins) answer; a locked case is read-only.
 */
@RestController
@Tag(name = "Queries")
class QueryApiController {

  private final QueryService queries;
  private final ApiMessages messages;

  QueryApiController(QueryService queries, ApiMessages messages) {
    this.queries = queries;
    this.messages = messages;
  }

  @GetMapping(path = "/api/v1/cases/{caseId}/queries", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Every query of a case, with its thread")
  List<QueryJson> ofCase(@PathVariable long caseId, CurrentAccount account) {
    return queries.ofCase(caseId, account).stream().map(QueryJson::of).toList();
  }

  @GetMapping(path = "/api/v1/queries", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The worklist: queries waiting at your sites, oldest first",
      description =
          "Surgeons: the open queries; coordinators and admins: open and answered ones. At most"
              + " 500; the thread holds only the latest answer here.")
  List<QueryJson> worklist(
      @Parameter(description = "Only this series") @RequestParam(required = false) Long seriesId,
      CurrentAccount account) {
    return queries.worklist(account, seriesId).stream().map(QueryJson::of).toList();
  }

  @GetMapping(path = "/api/v1/queries/{queryId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "One query with its whole thread")
  QueryJson query(@PathVariable long queryId, CurrentAccount account) {
    return QueryJson.of(queries.query(queryId, account));
  }

  @PostMapping(path = "/api/v1/cases/{caseId}/queries", produces = MediaType.APPLICATION_JSON_VALUE)
  @Refusals(422)
  @Operation(
      summary = "Open a query on a field, a section or the whole case (coordinators, admins)",
      description = "422 with errors by field when the target or the question is not valid.")
  ResponseEntity<QueryJson> open(
      @PathVariable long caseId, @RequestBody QueryRequests.Open body, CurrentAccount account) {
    QueryService.Outcome outcome =
        queries.open(
            caseId,
            new QueryService.OpenRequest(
                body.section(),
                body.itemId(),
                body.variable(),
                body.question(),
                body.proposedValue()),
            account);
    QueryJson created = QueryJson.of(queries.query(done(outcome), account));
    URI location = ApiLocations.of("/api/v1/queries/{queryId}", created.id());
    return ResponseEntity.status(HttpStatus.CREATED).location(location).body(created);
  }

  @PostMapping(
      path = "/api/v1/queries/{queryId}/answer",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Refusals({409, 422})
  @Operation(
      summary = "Answer a query and/or correct the field's value (the case's site, admins)",
      description =
          "The correction is saved through the normal section save (same checks; 422 with the"
              + " variable's errors) and linked to the query in the audit trail.")
  QueryJson answer(
      @PathVariable long queryId, @RequestBody QueryRequests.Answer body, CurrentAccount account) {
    try {
      done(queries.answer(queryId, body.message(), body.value(), account));
    } catch (EditConflictException conflict) {
      throw new ApiRequestException(HttpStatus.CONFLICT, ApiVersions.CONFLICT);
    }
    return QueryJson.of(queries.query(queryId, account));
  }

  @PostMapping(
      path = "/api/v1/queries/{queryId}/close",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Refusals(422)
  @Operation(summary = "Close a query as accepted (coordinators, admins)")
  QueryJson close(
      @PathVariable long queryId,
      @RequestBody(required = false) QueryRequests.Step body,
      CurrentAccount account) {
    done(queries.close(queryId, body == null ? null : body.message(), account));
    return QueryJson.of(queries.query(queryId, account));
  }

  @PostMapping(
      path = "/api/v1/queries/{queryId}/reopen",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Refusals(422)
  @Operation(summary = "Re-open a query, with the reason (coordinators, admins)")
  QueryJson reopen(
      @PathVariable long queryId, @RequestBody QueryRequests.Step body, CurrentAccount account) {
    done(queries.reopen(queryId, body == null ? null : body.message(), account));
    return QueryJson.of(queries.query(queryId, account));
  }

  private long done(QueryService.Outcome outcome) {
    if (!outcome.done()) {
      throw ApiRequestException.invalid(messages.errors(outcome.problems()));
    }
    return outcome.queryId();
  }
}
