package org.caseregistry.platform;

import java.util.Locale;
import java.util.function.Function;

/**
 * The stable export codes enums carry (staging categories, complication grades…): found by their
 * code or name however they are written, and written as the kebab-case form codes and message keys
 * use. Plain Java, for the plain-Java packages.
 */
public final class EnumCodes {

  private EnumCodes() {}

  /**
   * Looks a constant up by its code or its name, ignoring case, surrounding blanks and whether
   * words are joined by spaces, underscores or hyphens, so that "lower third", "LOWER_THIRD" and
   * "lower-third" all find the same constant.
   *
   * @throws IllegalArgumentException when the text is blank or names no constant
   */
  public static <E extends Enum<E>> E fromCode(
      Class<E> type, Function<E, String> code, String text) {
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
  public static String kebab(Enum<?> constant) {
    return normalize(constant.name());
  }

  private static String normalize(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
  }
}
