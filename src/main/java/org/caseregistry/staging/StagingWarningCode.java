package org.caseregistry.staging;

import org.caseregistry.platform.EnumCodes;

/**
 * Kinds of inconsistency {@link StagingChecks} reports; the arguments each message takes are
 * listed.
 */
public enum StagingWarningCode {
  /**
   * Arguments: recorded category ("pN2"), number of positive nodes (7), category they give ("pN3").
   */
  PN_DISAGREES_WITH_NODE_COUNT("pn-mismatch"),
  /** No arguments. */
  P_PREFIX_AFTER_NEOADJUVANT("p-after-neoadjuvant"),
  /** No arguments. */
  YP_PREFIX_WITHOUT_NEOADJUVANT("yp-without-neoadjuvant"),
  /** Arguments: node group ("thoracic"), positive nodes, examined nodes. */
  POSITIVE_EXCEEDS_EXAMINED("positive-exceeds-examined"),
  /** Stomach. Arguments: number of examined nodes (at least 16 are recommended for pN). */
  FEWER_THAN_16_NODES_EXAMINED("nodes-examined-under-16");

  private final String code;

  StagingWarningCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return "staging.warning." + code;
  }

  public static StagingWarningCode fromCode(String code) {
    return EnumCodes.fromCode(StagingWarningCode.class, StagingWarningCode::code, code);
  }
}
