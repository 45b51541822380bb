package org.caseregistry.staging;

import org.caseregistry.platform.EnumCodes;

/** Regional lymph node category, AJCC 8th edition: by the number of positive regional nodes. */
public enum NCategory {
  NX("NX"),
  N0("N0"),
  N1("N1"),
  N2("N2"),
  N3("N3");

  private final String code;

  NCategory(String code) {
    this.code = code;
  }

  /** "N2", "NX": without the c, p or yp prefix. */
  public String code() {
    return code;
  }

  public boolean isKnown() {
    return this != NX;
  }

  /** N0 = 0, N1 = 1–2, N2 = 3–6, N3 = 7 or more positive regional nodes. */
  public static NCategory fromPositiveNodes(int positiveNodes) {
    if (positiveNodes < 0) {
      throw new IllegalArgumentException("Negative number of positive nodes: " + positiveNodes);
    }
    if (positiveNodes == 0) {
      return N0;
    }
    if (positiveNodes <= 2) {
      return N1;
    }
    return positiveNodes <= 6 ? N2 : N3;
  }

  /** Accepts "N2", "n2", and with a classification prefix "pN3", "ypN0", "cN1". */
  public static NCategory fromCode(String code) {
    return EnumCodes.fromCode(
        NCategory.class, NCategory::code, Codes.withoutClassificationPrefix(code));
  }
}
