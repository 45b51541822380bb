package org.caseregistry.staging;

/** Why a stage group could not be derived. */
public enum StagingReason {
  /** Epicentre more than 2 cm into the stomach: the tumour is staged as a gastric cancer. */
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
    return Codes.fromCode(StagingReason.class, StagingReason::code, code);
  }
}
