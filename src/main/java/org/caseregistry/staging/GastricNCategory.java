package org.caseregistry.staging;

import java.util.List;
import org.caseregistry.platform.EnumCodes;

/**
 * Regional lymph node category of the AJCC 8th edition stomach chapter: like {@link NCategory}, but
 * N3 splits into N3a (7–15 positive nodes) and N3b (16 or more), which the pathological table tells
 * apart.
 */
public enum GastricNCategory {
  NX("NX"),
  N0("N0"),
  N1("N1"),
  N2("N2"),
  /** N3 recorded without saying N3a or N3b. */
  N3("N3"),
  N3A("N3a"),
  N3B("N3b");

  /** The fewest positive nodes that make N3b. */
  static final int N3B_FROM = 16;

  private final String code;

  GastricNCategory(String code) {
    this.code = code;
  }

  /** "N3a", "NX": without the c, p or yp prefix. */
  public String code() {
    return code;
  }

  public boolean isKnown() {
    return this != NX;
  }

  /** N3a and N3b for an N3 that was not subclassified, otherwise the category itself. */
  public List<GastricNCategory> subcategories() {
    return this == N3 ? List.of(N3A, N3B) : List.of(this);
  }

  /** Whether a recorded category covers the one a count gives: N3 covers N3a and N3b. */
  public boolean covers(GastricNCategory counted) {
    return this == counted || subcategories().contains(counted);
  }

  /** N0 = 0, N1 = 1–2, N2 = 3–6, N3a = 7–15, N3b = 16 or more positive regional nodes. */
  public static GastricNCategory fromPositiveNodes(int positiveNodes) {
    if (positiveNodes < 0) {
      throw new IllegalArgumentException("Negative number of positive nodes: " + positiveNodes);
    }
    return switch (NCategory.fromPositiveNodes(positiveNodes)) {
      case N0 -> N0;
      case N1 -> N1;
      case N2 -> N2;
      case N3, NX -> positiveNodes >= N3B_FROM ? N3B : N3A;
    };
  }

  /** The same finding recorded with the esophagus categories (whose N3 is not subclassified). */
  public static GastricNCategory of(NCategory n) {
    return switch (n) {
      case NX -> NX;
      case N0 -> N0;
      case N1 -> N1;
      case N2 -> N2;
      case N3 -> N3;
    };
  }

  /** Accepts "N3a", "n3B", and with a classification prefix "pN3b", "ypN0", "cN1". */
  public static GastricNCategory fromCode(String code) {
    return EnumCodes.fromCode(
        GastricNCategory.class, GastricNCategory::code, Codes.withoutClassificationPrefix(code));
  }
}
