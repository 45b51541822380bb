package org.caseregistry.staging;

import org.caseregistry.platform.EnumCodes;

/** Why a stage group could not be derived. */
public enum StagingReason {
  /**
   * Epicentre more than 2 cm into the stomach: once the reason the esophagus tables declined; such
   * a tumour is now staged with the gastric tables and carries {@link
   * StagingNote#STAGED_AS_GASTRIC} instead. Kept so that stored reasons still read.
   */
  GASTRIC("gastric"),
  /** A histology the esophagus chapter does not stage. */
  HISTOLOGY_NOT_STAGED("histology-not-staged"),
  /** Histology unknown, and the squamous and adenocarcinoma tables give different stages. */
  HISTOLOGY_UNKNOWN("histology-unknown"),
  T_UNKNOWN("t-unknown"),
  N_UNKNOWN("n-unknown"),
  M_UNKNOWN("m-unknown"),
  /** T1 or T4 recorded without its sub-category, and the sub-category changes the stage. */
  T_SUBCATEGORY_NEEDED("t-subcategory-needed"),
  /** Stomach: pN3 recorded without N3a or N3b, and the sub-category changes the stage. */
  N_SUBCATEGORY_NEEDED("n-subcategory-needed"),
  /** A gastric tumour that is not a carcinoma (GIST, lymphoma, ...): not staged here. */
  GASTRIC_HISTOLOGY_NOT_STAGED("gastric-histology-not-staged"),
  /**
   * Every category is known but no row of the table covers the combination (e.g. pT0 N0 without
   * neoadjuvant therapy).
   */
  NOT_IN_TABLE("not-in-table");

  private final String code;

  StagingReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return "staging.reason." + code;
  }

  /** English text, for logs and tests; the user interface translates {@link #messageKey()}. */
  public String describe() {
    return StagingMessages.english(messageKey());
  }

  public static StagingReason fromCode(String code) {
    return EnumCodes.fromCode(StagingReason.class, StagingReason::code, code);
  }
}
