package org.caseregistry.staging;

import java.util.Locale;
import org.caseregistry.platform.EnumCodes;

/** Histological grade (differentiation). */
public enum Grade {
  G1("G1"),
  G2("G2"),
  G3("G3"),
  /** Grade cannot be assessed; the pathological tables give it rows of its own. */
  GX("GX");

  private final String code;

  Grade(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return "staging.grade." + code.toLowerCase(Locale.ROOT);
  }

  public static Grade fromCode(String code) {
    return EnumCodes.fromCode(Grade.class, Grade::code, code);
  }
}
