package org.caseregistry.complication;

import org.caseregistry.platform.EnumCodes;

/**
 * Severity type I–III the ECCG gives anastomotic leak, conduit necrosis, chyle leak and recurrent
 * laryngeal nerve injury; what each type means depends on the complication ({@link
 * EccgComplication#severityDefinitionKey}).
 */
public enum EccgSeverityType {
  TYPE_I("I"),
  TYPE_II("II"),
  TYPE_III("III");

  private final String code;

  EccgSeverityType(String code) {
    this.code = code;
  }

  /** "I", "II", "III". */
  public String code() {
    return code;
  }

  /** "Type I". */
  public String messageKey() {
    return "complication.eccg.type." + EnumCodes.kebab(this);
  }

  public static EccgSeverityType fromCode(String code) {
    return EnumCodes.fromCode(EccgSeverityType.class, EccgSeverityType::code, code);
  }
}
