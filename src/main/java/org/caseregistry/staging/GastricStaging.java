package org.caseregistry.staging;

import static org.caseregistry.staging.StageResults.agreed;
import static org.caseregistry.staging.StageResults.blockedByUnknownTOrN;
import static org.caseregistry.staging.StageResults.fromLookup;
import static org.caseregistry.staging.StagingResult.derived;
import static org.caseregistry.staging.StagingResult.notDerivable;

import java.util.Objects;

/**
 * AJCC 8th edition stage groups for cancers of the stomach, and for esophagogastric-junction
 * tumours whose epicentre lies more than 2 cm into the stomach; the tables are in {@link
 * GastricStageTables}.
 *
 * <p>As for the esophagus, a detail that was not recorded only blocks a stage when it changes it:
 * T1 needs no sub-category here (T1a and T1b share a row), T4 needs one, and pN3 needs N3a or N3b
 * except with T4b. TX, NX and MX block unless M1 decides (IVB clinical, IV otherwise).
 */
public final class GastricStaging {

  private GastricStaging() {}

  public static StagingResult clinical(GastricStagingInput input) {
    return staged(StagePrefix.C, input);
  }

  public static StagingResult pathological(GastricStagingInput input) {
    return staged(StagePrefix.P, input);
  }

  public static StagingResult postNeoadjuvant(GastricStagingInput input) {
    return staged(StagePrefix.YP, input);
  }

  /** pTNM or ypTNM by the recorded prefix. */
  public static StagingResult pathologicalOrYp(StagePrefix prefix, GastricStagingInput input) {
    if (Objects.requireNonNull(prefix, "prefix") == StagePrefix.C) {
      throw new IllegalArgumentException("Clinical staging is GastricStaging.clinical");
    }
    return staged(prefix, input);
  }

  private static StagingResult staged(StagePrefix classification, GastricStagingInput input) {
    if (!input.histology().isStaged()) {
      return notDerivable(StagingReason.GASTRIC_HISTOLOGY_NOT_STAGED);
    }
    return stage(classification, input.t(), input.n(), input.m());
  }

  /** The stage of a carcinoma by the classification's table; also used for the esophagus rule. */
  static StagingResult stage(
      StagePrefix classification, TCategory t, GastricNCategory n, MCategory m) {
    if (m == MCategory.M1) {
      return derived(classification == StagePrefix.C ? StageGroup.IVB : StageGroup.IV);
    }
    StagingResult withoutMetastasis =
        agreed(
            t.subcategories().stream()
                .map(
                    tRow ->
                        agreed(
                            GastricStageTables.columnsFor(classification, n).stream()
                                .map(column -> lookUp(classification, tRow, column))
                                .toList(),
                            StagingReason.N_SUBCATEGORY_NEEDED))
                .toList(),
            StagingReason.T_SUBCATEGORY_NEEDED);
    if (m == MCategory.MX && !blockedByUnknownTOrN(withoutMetastasis)) {
      return notDerivable(StagingReason.M_UNKNOWN);
    }
    return withoutMetastasis;
  }

  private static StagingResult lookUp(StagePrefix classification, TCategory t, GastricNCategory n) {
    return fromLookup(GastricStageTables.lookup(classification, t, n), t.isKnown(), n.isKnown());
  }
}
