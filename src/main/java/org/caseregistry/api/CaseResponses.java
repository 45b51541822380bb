package org.caseregistry.api;

import java.net.URI;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every write of a case's sections answers, built-in or custom: a refusal as 422 with the
 * errors by variable, else the whole case as it now is, with its entity tag.
 */
@Component
class CaseResponses {

  private final CaseService caseService;
  private final CaseRepresentation representation;
  private final ApiMessages messages;

  CaseResponses(CaseService caseService, CaseRepresentation representation, ApiMessages messages) {
    this.caseService = caseService;
    this.representation = representation;
    this.messages = messages;
  }

  /** Throws the 422 of a refused write; a saved one passes. */
  void refuseProblems(Outcome outcome) {
    if (!outcome.saved()) {
      throw ApiRequestException.invalid(messages.errors(outcome.problems()));
    }
  }

  ResponseEntity<CaseJson> current(
      long caseId, CurrentAccount account, HttpStatus status, URI location) {
    CaseService.CaseView view = caseService.view(caseId, account);
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(status).eTag(CaseRepresentation.etag(view));
    if (location != null) {
      response.location(location);
    }
    return response.body(representation.of(view));
  }
}
