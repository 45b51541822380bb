package org.caseregistry.staging;

import static org.caseregistry.staging.StageResults.agreed;
import static org.caseregistry.staging.StageResults.blockedByUnknownTOrN;
import static org.caseregistry.staging.StageResults.fromLookup;
import static org.caseregistry.staging.StagingResult.derived;
import static org.caseregistry.staging.StagingResult.notDerivable;

import java.util.List;
import java.util.Objects;

/**
 * AJCC 8th edition stage groups for cancers of the esophagus and esophagogastric junction; the
 * tables themselves are in {@link StageTables}.
 *
 * <p>A detail that was not recorded only blocks a stage when it changes it: T1 or T4 without a
 * sub-category, or an unknown histology, still give a stage when every possibility gives the same
 * one. TX, NX and MX block unless a table says otherwise (M1 is IVB whatever T and N are; ypT4a NX
 * is IVA).
 *
 * <p>A tumour whose epicentre lies more than 2 cm into the stomach is staged with the gastric
 * tables ({@link GastricStaging}), and its result carries {@link StagingNote#STAGED_AS_GASTRIC}.
 */
public final class EsophagusStaging {

  private EsophagusStaging() {}

  public static StagingResult clinical(ClinicalStagingInput input) {
    // Grade is not part of clinical staging, and the clinical tables accept any grade and location.
    return stage(
        StagePrefix.C,
        input.histology(),
        input.t(),
        input.n(),
        input.m(),
        Grade.GX,
        TumourLocation.UNKNOWN,
        input.epicentreMoreThan2cmIntoStomach());
  }

  public static StagingResult pathological(PathologicalStagingInput input) {
    return stage(
        StagePrefix.P,
        input.histology(),
        input.t(),
        input.n(),
        input.m(),
        input.grade(),
        input.location(),
        input.epicentreMoreThan2cmIntoStomach());
  }

  public static StagingResult postNeoadjuvant(PostNeoadjuvantStagingInput input) {
    // The yp table accepts any grade and location.
    return stage(
        StagePrefix.YP,
        input.histology(),
        input.t(),
        input.n(),
        input.m(),
        Grade.GX,
        TumourLocation.UNKNOWN,
        input.epicentreMoreThan2cmIntoStomach());
  }

  /** pTNM or ypTNM by the recorded prefix. */
  public static StagingResult pathologicalOrYp(StagePrefix prefix, PathologicalStagingInput input) {
    return switch (Objects.requireNonNull(prefix, "prefix")) {
      case P -> pathological(input);
      case YP -> postNeoadjuvant(input.asPostNeoadjuvant());
      case C -> throw new IllegalArgumentException("Clinical staging takes a ClinicalStagingInput");
    };
  }

  private static StagingResult stage(
      StagePrefix classification,
      Histology histology,
      TCategory t,
      NCategory n,
      MCategory m,
      Grade grade,
      TumourLocation location,
      boolean epicentreMoreThan2cmIntoStomach) {
    if (epicentreMoreThan2cmIntoStomach) {
      StagingResult gastric =
          histology == Histology.OTHER
              ? notDerivable(StagingReason.GASTRIC_HISTOLOGY_NOT_STAGED)
              : GastricStaging.stage(classification, t, GastricNCategory.of(n), m);
      return gastric.withNote(StagingNote.STAGED_AS_GASTRIC);
    }
    if (histology == Histology.OTHER) {
      return notDerivable(StagingReason.HISTOLOGY_NOT_STAGED);
    }
    if (m == MCategory.M1) {
      return derived(StageGroup.IVB);
    }
    List<TableFamily> families =
        histology.tableFamily().map(List::of).orElse(List.of(TableFamily.values()));
    StagingResult withoutMetastasis =
        agreed(
            families.stream()
                .map(
                    family ->
                        stageInTable(
                            StageTables.table(classification, family), t, n, grade, location))
                .toList(),
            StagingReason.HISTOLOGY_UNKNOWN);
    if (m == MCategory.MX && !blockedByUnknownTOrN(withoutMetastasis)) {
      return notDerivable(StagingReason.M_UNKNOWN);
    }
    return withoutMetastasis;
  }

  private static StagingResult stageInTable(
      StageTable table, TCategory t, NCategory n, Grade grade, TumourLocation location) {
    return agreed(
        t.subcategories().stream()
            .map(subcategory -> lookUp(table, subcategory, n, grade, location))
            .toList(),
        StagingReason.T_SUBCATEGORY_NEEDED);
  }

  private static StagingResult lookUp(
      StageTable table, TCategory t, NCategory n, Grade grade, TumourLocation location) {
    return fromLookup(table.lookup(t, n, grade, location), t.isKnown(), n.isKnown());
  }
}
