package org.caseregistry.staging;

import org.caseregistry.platform.EnumCodes;

/** Location of the tumour epicentre. */
public enum TumourLocation {
  UPPER_THIRD("upper-third"),
  MIDDLE_THIRD("middle-third"),
  LOWER_THIRD("lower-third"),
  /** Counts as lower for the squamous pathological table. */
  ESOPHAGOGASTRIC_JUNCTION("esophagogastric-junction"),
  UNKNOWN("unknown");

  private final String code;

  TumourLocation(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return "staging.location." + code;
  }

  /** Accepts the code, the constant name, or words such as "lower third". */
  public static TumourLocation fromCode(String code) {
    return EnumCodes.fromCode(TumourLocation.class, TumourLocation::code, code);
  }
}
