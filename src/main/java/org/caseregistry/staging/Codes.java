package org.caseregistry.staging;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Parsing of the stable export codes the enums of this package carry. */
final class Codes {

  /** c, p or yp written before a T, N or M category, as in "cT2", "pN3" or "ypM0". */
  private static final Pattern CLASSIFICATION_PREFIX = Pattern.compile("^(?i)(yp|p|c)(?=[tnm])");

  private Codes() {}

  /**
   * Looks a constant up by its code or its name, ignoring case, surrounding blanks and whether
   * words are joined by spaces, underscores or hyphens, so that "lower third", "LOWER_THIRD" and
   * "lower-third" all find the same constant.
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

  /** "pT3" → "T3", "ypN0" → "N0", "cM1" → "M1"; anything else unchanged. */
  static String withoutClassificationPrefix(String text) {
    return text == null ? null : CLASSIFICATION_PREFIX.matcher(text.strip()).replaceFirst("");
  }

  private static String normalize(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
  }
}
