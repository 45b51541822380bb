package org.caseregistry.api;

import java.time.Instant;
import java.util.List;
import org.caseregistry.query.FieldQuery;
import org.caseregistry.query.QueryEvent;

/**
 * A field query as the API gives it: where it points (section slug, list item, variable name; all
 * null for the whole case), its state and its thread of events, oldest first.
 */
record QueryJson(
    long id,
    long caseId,
    long seriesId,
    String studyCode,
    String siteCode,
    String section,
    Long itemId,
    String variable,
    String warningCode,
    String question,
    String proposedValue,
    String state,
    String openedBy,
    Instant openedAt,
    Instant firstAnsweredAt,
    Instant closedAt,
    List<EventJson> events) {

  /**
   * One step: OPEN, ANSWER, CORRECT, CLOSE or REOPEN; for a correction, the value before and after
   * (as a form would hold it).
   */
  record EventJson(
      String action,
      String message,
      String oldValue,
      String newValue,
      String username,
      Instant at) {}

  static QueryJson of(FieldQuery query) {
    return new QueryJson(
        query.id(),
        query.caseId(),
        query.seriesId(),
        query.studyCode(),
        query.siteCode(),
        query.section() == null ? null : query.section().slug(),
        query.itemId(),
        query.variable(),
        query.warningCode(),
        query.question(),
        query.proposedValue(),
        query.state().name(),
        query.openedBy(),
        query.openedAt(),
        query.firstAnsweredAt(),
        query.closedAt(),
        query.events().stream().map(QueryJson::event).toList());
  }

  private static EventJson event(QueryEvent event) {
    return new EventJson(
        event.action().name(),
        event.message(),
        event.oldValue(),
        event.newValue(),
        event.username(),
        event.at());
  }
}
