package org.caseregistry.complication;

import org.caseregistry.platform.EnumCodes;

/** Complication categories of the Esophagectomy Complications Consensus Group (ECCG). */
public enum EccgCategory {
  PULMONARY,
  CARDIAC,
  GASTROINTESTINAL,
  UROLOGIC,
  THROMBOEMBOLIC,
  NEUROLOGIC_PSYCHIATRIC,
  INFECTION,
  WOUND_DIAPHRAGM,
  OTHER;

  /** "pulmonary", "neurologic-psychiatric". */
  public String code() {
    return EnumCodes.kebab(this);
  }

  public String messageKey() {
    return "complication.eccg.category." + code();
  }

  public static EccgCategory fromCode(String code) {
    return EnumCodes.fromCode(EccgCategory.class, EccgCategory::code, code);
  }
}
