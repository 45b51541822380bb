package org.caseregistry.staging;

import java.util.regex.Pattern;

/**
 * The c, p or yp before a category code; the codes themselves are read by {@link
 * org.caseregistry.platform.EnumCodes}.
 */
final class Codes {

  /** c, p or yp written before a T, N or M category, as in "cT2", "pN3" or "ypM0". */
  private static final Pattern CLASSIFICATION_PREFIX = Pattern.compile("^(?i)(yp|p|c)(?=[tnm])");

  private Codes() {}

  /** "pT3" → "T3", "ypN0" → "N0", "cM1" → "M1"; anything else unchanged. */
  static String withoutClassificationPrefix(String text) {
    return text == null ? null : CLASSIFICATION_PREFIX.matcher(text.strip()).replaceFirst("");
  }
}
