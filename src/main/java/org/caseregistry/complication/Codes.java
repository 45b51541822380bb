package org.caseregistry.complication;

import java.util.Locale;
import java.util.function.Function;

/** Parsing of the stable export codes the enums of this package carry. */
final class Codes {

  private Codes() {}

  /**
   * Looks a constant up by its code or its name, ignoring case, surrounding blanks and whether
   * words are joined by spaces, underscores or hyphens.
   *
   * @throws IllegalArgumentException when the text is blank or names no constant
   */
  static <E extends Enum<E>> E fromCode(Class<E> type, Function<E, String> code, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("No " + type.getSimpleName() + " code given");
    }
    String wanted = normalize(text);
    for (E constant : type.getEnumConstants()) {
      if (normalize(code.apply(constant)).equals(wanted)
          || normalize(constant.name()).equals(wanted)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "Unknown " + type.getSimpleName() + " code: \"" + text + "\"");
  }

  /** "ANASTOMOTIC_LEAK" → "anastomotic-leak": the form codes and message keys use. */
  static String kebab(Enum<?> constant) {
    return normalize(constant.name());
  }

  private static String normalize(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
  }
}
