package org.caseregistry.platform;

/**
 * What a form's setters make of typed text: surrounding spaces dropped, blank optional text gone.
 */
public final class FormText {

  private FormText() {}

  /** The text without surrounding spaces (null stays null). */
  public static String stripped(String text) {
    return text == null ? null : text.strip();
  }

  /** The text without surrounding spaces; null when there is nothing but spaces. */
  public static String optional(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
