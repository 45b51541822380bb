package org.caseregistry.staging;

import org.caseregistry.platform.EnumCodes;

/**
 * Histological type of a gastric tumour, by the WHO classification of gastric carcinoma. The
 * stomach chapter stages carcinomas whatever their subtype; other tumours (GIST, lymphoma, well-
 * differentiated neuroendocrine tumours) have chapters of their own.
 */
public enum GastricHistology {
  TUBULAR_ADENOCARCINOMA("tubular-adenocarcinoma", true),
  PAPILLARY_ADENOCARCINOMA("papillary-adenocarcinoma", true),
  MUCINOUS_ADENOCARCINOMA("mucinous-adenocarcinoma", true),
  /** Poorly cohesive carcinoma of the signet-ring cell type. */
  SIGNET_RING_CELL_CARCINOMA("signet-ring-cell-carcinoma", true),
  /** Poorly cohesive carcinoma of other cell types. */
  POORLY_COHESIVE_OTHER("poorly-cohesive-other", true),
  MIXED_ADENOCARCINOMA("mixed-adenocarcinoma", true),
  /** Adenocarcinoma without a subtype recorded. */
  ADENOCARCINOMA_NOS("adenocarcinoma-nos", true),
  /** Adenosquamous, squamous, undifferentiated, hepatoid and other carcinomas. */
  OTHER_CARCINOMA("other-carcinoma", true),
  /** Not a carcinoma: not staged with the stomach tables. */
  OTHER("other", false),
  /** The tables do not depend on the carcinoma subtype, so an unknown histology is staged. */
  UNKNOWN("unknown", true);

  private final String code;
  private final boolean staged;

  GastricHistology(String code, boolean staged) {
    this.code = code;
    this.staged = staged;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return "staging.gastric-histology." + code;
  }

  /** Whether the AJCC 8th edition stomach tables stage it. */
  public boolean isStaged() {
    return staged;
  }

  public static GastricHistology fromCode(String code) {
    return EnumCodes.fromCode(GastricHistology.class, GastricHistology::code, code);
  }
}
