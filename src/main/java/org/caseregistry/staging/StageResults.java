package org.caseregistry.staging;

import static org.caseregistry.staging.StagingResult.derived;
import static org.caseregistry.staging.StagingResult.notDerivable;

import java.util.List;
import java.util.Optional;

/** How both staging tables (esophagus, stomach) turn their look-ups into one result. */
final class StageResults {

  private StageResults() {}

  /** The stage a table gave, else why not: T unknown first, then N unknown, else not in it. */
  static StagingResult fromLookup(Optional<StageGroup> stage, boolean tKnown, boolean nKnown) {
    if (stage.isPresent()) {
      return derived(stage.get());
    }
    if (!tKnown) {
      return notDerivable(StagingReason.T_UNKNOWN);
    }
    return notDerivable(nKnown ? StagingReason.NOT_IN_TABLE : StagingReason.N_UNKNOWN);
  }

  /**
   * One stage when every possibility gives the same one. Otherwise the first possibility's reason
   * when one could not be staged, or {@code whenTheyDiffer} when all were staged differently.
   */
  static StagingResult agreed(List<StagingResult> possibilities, StagingReason whenTheyDiffer) {
    Optional<StagingResult> blocked =
        possibilities.stream().filter(result -> !result.isDerived()).findFirst();
    if (blocked.isPresent()) {
      return blocked.get();
    }
    long distinctStages = possibilities.stream().map(StagingResult::stage).distinct().count();
    return distinctStages == 1 ? possibilities.get(0) : notDerivable(whenTheyDiffer);
  }

  /** Unknown categories are reported in the order T, N, M. */
  static boolean blockedByUnknownTOrN(StagingResult result) {
    return result
        .whyNotDerivable()
        .filter(reason -> reason == StagingReason.T_UNKNOWN || reason == StagingReason.N_UNKNOWN)
        .isPresent();
  }
}
