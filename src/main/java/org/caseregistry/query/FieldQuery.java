package org.caseregistry.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.caseregistry.catalog.Section;

/**
 * A query about a case, one of its sections, or one field (variable name, with the list item for
 * list sections), with its thread of events, oldest first.
 */
public record FieldQuery(
    long id,
    long caseId,
    long seriesId,
    String seriesTitle,
    String studyCode,
    long siteId,
    String siteCode,
    Section section,
    Long itemId,
    String variable,
    String warningCode,
    String question,
    String proposedValue,
    QueryState state,
    String openedBy,
    Instant openedAt,
    Instant firstAnsweredAt,
    Instant closedAt,
    List<QueryEvent> events) {

  public boolean isOpen() {
    return state == QueryState.OPEN;
  }

  public boolean isClosed() {
    return state == QueryState.CLOSED;
  }

  /** On one field: its value can be corrected from the query. */
  public boolean onField() {
    return variable != null && section != null;
  }

  /** Whole days since it was opened (for the worklist). */
  public long ageDays(Instant now) {
    return Duration.between(openedAt, now).toDays();
  }

  /** Where it points, as the case page's element ids name it: "pathology/pn", "case". */
  public String target() {
    if (section == null) {
      return "case";
    }
    String base = section.slug() + (itemId == null ? "" : "/" + itemId);
    return variable == null ? base : base + "/" + variable;
  }

  FieldQuery withEvents(List<QueryEvent> thread) {
    return new FieldQuery(
        id,
        caseId,
        seriesId,
        seriesTitle,
        studyCode,
        siteId,
        siteCode,
        section,
        itemId,
        variable,
        warningCode,
        question,
        proposedValue,
        state,
        openedBy,
        openedAt,
        firstAnsweredAt,
        closedAt,
        List.copyOf(thread));
  }
}
