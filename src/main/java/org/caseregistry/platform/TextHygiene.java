package org.caseregistry.platform;

/**
 * The one rule for control characters in text that people or programs send, on the pages and in the
 * API alike: tab and line breaks are text, every other control character (NUL, BEL, ESC …) is
 * refused. PostgreSQL cannot store NUL at all, and the others only ever come from a mistake or an
 * attack.
 */
public final class TextHygiene {

  private TextHygiene() {}

  /** Whether the text holds a control character other than tab, line feed and carriage return. */
  public static boolean hasControlCharacters(String text) {
    return text != null
        && text.chars()
            .anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
  }
}
