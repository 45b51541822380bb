package org.caseregistry.staging;

import org.caseregistry.platform.EnumCodes;

/** Distant metastasis category. */
public enum MCategory {
  MX("MX"),
  M0("M0"),
  M1("M1");

  private final String code;

  MCategory(String code) {
    this.code = code;
  }

  /** "M0", "MX": without the c, p or yp prefix. */
  public String code() {
    return code;
  }

  public boolean isKnown() {
    return this != MX;
  }

  /** Accepts "M1", "m1", and with a classification prefix "cM0", "pM1", "ypM0". */
  public static MCategory fromCode(String code) {
    return EnumCodes.fromCode(
        MCategory.class, MCategory::code, Codes.withoutClassificationPrefix(code));
  }
}
