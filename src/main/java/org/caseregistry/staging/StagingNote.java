package org.caseregistry.staging;

import org.caseregistry.platform.EnumCodes;

/** Something to know about how a result was reached, shown beside the stage or the reason. */
public enum StagingNote {
  /**
   * An esophagogastric-junction tumour whose epicentre lies more than 2 cm into the stomach, staged
   * with the gastric tables.
   */
  STAGED_AS_GASTRIC("staged-as-gastric");

  private final String code;

  StagingNote(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return "staging.note." + code;
  }

  public static StagingNote fromCode(String code) {
    return EnumCodes.fromCode(StagingNote.class, StagingNote::code, code);
  }
}
