package org.caseregistry.query;

import java.util.Optional;
import org.caseregistry.query.QueryService.Outcome;

/** The texts of a query step (question, answer, reason): trimmed, bounded, printable. */
final class QueryText {

  private QueryText() {}

  /** The text stripped; null when there is none. */
  static String clean(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return text.strip();
  }

  /** Text PostgreSQL cannot store or a reader would not see (tab and line breaks allowed). */
  static boolean hasControlCharacters(String text) {
    return text != null
        && text.chars()
            .anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
  }

  static String blankToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /** The refusal of a text (null allowed) longer than {@code max} or with control characters. */
  static Optional<Outcome> refusal(String field, String text, int max) {
    if (text != null && text.length() > max) {
      return Optional.of(Outcome.refused(field, "query.text.too-long", max));
    }
    if (hasControlCharacters(text)) {
      return Optional.of(Outcome.refused(field, "query.text.control"));
    }
    return Optional.empty();
  }
}
