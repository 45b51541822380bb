package org.caseregistry.query;

import java.util.List;
import java.util.Objects;
import org.caseregistry.catalog.Section;

/**
 * The queries and confirmed warnings of one case, as its page and forms show them: next to each
 * field, each section, and at the top for the whole case.
 */
public record CaseQueries(
    List<FieldQuery> queries, List<ConfirmedWarnings.Confirmation> confirmations) {

  /** Queries on exactly this field (of this list item, for list sections). */
  public List<FieldQuery> at(Section section, Long itemId, String variable) {
    return queries.stream()
        .filter(
            q ->
                q.section() == section
                    && Objects.equals(q.itemId(), itemId)
                    && Objects.equals(q.variable(), variable))
        .toList();
  }

  /** Queries on the section itself (no field), or on the whole case when section is null. */
  public List<FieldQuery> onSection(Section section) {
    return at(section, null, null);
  }

  /** Queries on any field of one list item. */
  public List<FieldQuery> onItem(Section section, Long itemId) {
    return queries.stream()
        .filter(q -> q.section() == section && itemId != null && itemId.equals(q.itemId()))
        .toList();
  }

  public long notClosed() {
    return queries.stream().filter(q -> !q.isClosed()).count();
  }

  public ConfirmedWarnings.Confirmation confirmation(String storedCode) {
    return confirmations.stream().filter(c -> c.code().equals(storedCode)).findFirst().orElse(null);
  }
}
