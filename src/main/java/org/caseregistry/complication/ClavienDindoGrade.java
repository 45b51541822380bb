package org.caseregistry.complication;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.caseregistry.platform.EnumCodes;

/**
 * Clavien-Dindo grade of a postoperative complication, declared from mildest to worst, so the
 * natural order ranks them. The suffix "d" (still present at discharge) belongs to the
 * complication, not to the grade.
 */
public enum ClavienDindoGrade {
  /**
   * Treated without drugs beyond antiemetics, antipyretics, analgesics, diuretics, electrolytes,
   * physiotherapy.
   */
  I("I", 300),
  /** Other drugs, transfusion, parenteral nutrition. */
  II("II", 1750),
  /** Intervention without general anaesthesia. */
  IIIA("IIIa", 2750),
  /** Intervention under general anaesthesia. */
  IIIB("IIIb", 4550),
  /** Single-organ failure needing intensive care. */
  IVA("IVa", 7200),
  /** Multi-organ failure. */
  IVB("IVb", 8550),
  /** Death: the Comprehensive Complication Index is 100 whatever else happened. */
  V("V", null);

  private final String code;

  /** Null for grade V, which has no weight. */
  private final Integer cciWeight;

  ClavienDindoGrade(String code, Integer cciWeight) {
    this.code = code;
    this.cciWeight = cciWeight;
  }

  /** "I", "II", "IIIa", "IIIb", "IVa", "IVb", "V". */
  public String code() {
    return code;
  }

  public String messageKey() {
    return "complication.clavien-dindo." + code.toLowerCase(Locale.ROOT);
  }

  /** The weight of the grade in the Comprehensive Complication Index; none for grade V. */
  public OptionalInt cciWeight() {
    return cciWeight == null ? OptionalInt.empty() : OptionalInt.of(cciWeight);
  }

  public boolean isWorseThan(ClavienDindoGrade other) {
    return compareTo(other) > 0;
  }

  /** The worst grade among a patient's complications; empty when there were none. */
  public static Optional<ClavienDindoGrade> worst(Collection<ClavienDindoGrade> grades) {
    return grades.stream().max(Comparator.naturalOrder());
  }

  /** Accepts "IIIa", "iiia", "IIIA". */
  public static ClavienDindoGrade fromCode(String code) {
    return EnumCodes.fromCode(ClavienDindoGrade.class, ClavienDindoGrade::code, code);
  }
}
