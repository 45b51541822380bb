package org.caseregistry.catalog;

import java.util.Set;

/**
 * One allowed code of a coded variable. The code is what is stored, exported and imported; the
 * label is shown (a message key, or a literal label for universal notations such as "T1a").
 */
public record CodeOption(String code, String labelKey, String literalLabel) {

  private static final Set<String> UNKNOWN_CODES = Set.of("UNKNOWN", "TX", "NX", "MX", "GX");

  /** Unknown, including the TNM and grade notations TX, NX, MX and GX. */
  public boolean isUnknown() {
    return UNKNOWN_CODES.contains(code);
  }

  public boolean isNotApplicable() {
    return "NOT_APPLICABLE".equals(code);
  }
}
