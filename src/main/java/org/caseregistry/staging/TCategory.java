package org.caseregistry.staging;

import java.util.List;
import org.caseregistry.platform.EnumCodes;

/** Primary tumour category, AJCC 8th edition esophagus and esophagogastric junction. */
public enum TCategory {
  TX("TX"),
  T0("T0"),
  TIS("Tis"),
  /** T1 recorded without saying T1a or T1b. */
  T1("T1"),
  T1A("T1a"),
  T1B("T1b"),
  T2("T2"),
  T3("T3"),
  /** T4 recorded without saying T4a or T4b. */
  T4("T4"),
  T4A("T4a"),
  T4B("T4b");

  private final String code;

  TCategory(String code) {
    this.code = code;
  }

  /** "T1a", "Tis", "TX": without the c, p or yp prefix. */
  public String code() {
    return code;
  }

  public boolean isKnown() {
    return this != TX;
  }

  /**
   * The categories the stage tables distinguish that this one may stand for: T1a and T1b for a T1
   * that was not subclassified, T4a and T4b for such a T4, otherwise the category itself.
   */
  public List<TCategory> subcategories() {
    return switch (this) {
      case T1 -> List.of(T1A, T1B);
      case T4 -> List.of(T4A, T4B);
      default -> List.of(this);
    };
  }

  /** Accepts "T1a", "t1A", and with a classification prefix "pT3", "ypT0", "cTis". */
  public static TCategory fromCode(String code) {
    return EnumCodes.fromCode(
        TCategory.class, TCategory::code, Codes.withoutClassificationPrefix(code));
  }
}
