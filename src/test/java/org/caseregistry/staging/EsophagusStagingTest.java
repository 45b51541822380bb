package org.caseregistry.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Named cases: sub-categories, unknown values, the reasons given, and the API around the tables.
 */
class EsophagusStagingTest {

  @ParameterizedTest(name = "{0} {1}{2}{3} {4} {5} → {6}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # histology              | T   | N  | M  | grade | location     | stage or reason
          squamous-cell-carcinoma  | T3  | N0 | M0 | G2    | unknown      | IIB
          squamous-cell-carcinoma  | T3  | N0 | M0 | G3    | unknown      | IIB
          squamous-cell-carcinoma  | T3  | N0 | M0 | GX    | lower-third  | IIB
          squamous-cell-carcinoma  | T3  | N0 | M0 | G1    | unknown      | IIA
          squamous-cell-carcinoma  | T3  | N0 | M0 | G2    | esophagogastric-junction | IIA
          squamous-cell-carcinoma  | T3  | N0 | M0 | G2    | middle-third | IIB
          squamous-cell-carcinoma  | T1  | N0 | M0 | G1    | lower-third  | t-subcategory-needed
          squamous-cell-carcinoma  | T1  | N0 | M0 | GX    | lower-third  | t-subcategory-needed
          squamous-cell-carcinoma  | T1  | N0 | M0 | G2    | lower-third  | IB
          squamous-cell-carcinoma  | T1  | N1 | M0 | G1    | lower-third  | IIB
          squamous-cell-carcinoma  | T4  | N0 | M0 | G2    | lower-third  | t-subcategory-needed
          squamous-cell-carcinoma  | T4  | N2 | M0 | G2    | lower-third  | IVA
          adenocarcinoma           | T1  | N0 | M0 | G1    | lower-third  | t-subcategory-needed
          adenocarcinoma           | T1  | N0 | M0 | G2    | lower-third  | IB
          adenocarcinoma           | T1  | N0 | M0 | G3    | lower-third  | IC
          adenocarcinoma           | T1  | N0 | M0 | GX    | lower-third  | t-subcategory-needed
          adenocarcinoma           | T0  | N0 | M0 | G2    | lower-third  | not-in-table
          adenocarcinoma           | Tis | N1 | M0 | G2    | lower-third  | not-in-table
          adenocarcinoma           | TX  | N0 | M0 | G2    | lower-third  | t-unknown
          adenocarcinoma           | TX  | N3 | M0 | G2    | lower-third  | t-unknown
          adenocarcinoma           | T2  | NX | M0 | G2    | lower-third  | n-unknown
          adenocarcinoma           | T2  | N0 | MX | G2    | lower-third  | m-unknown
          adenocarcinoma           | TX  | NX | MX | G2    | lower-third  | t-unknown
          adenocarcinoma           | T2  | NX | MX | G2    | lower-third  | n-unknown
          adenocarcinoma           | TX  | NX | M1 | GX    | unknown      | IVB
          unknown                  | T3  | N0 | M0 | GX    | lower-third  | IIB
          unknown                  | T3  | N0 | M0 | G2    | lower-third  | histology-unknown
          unknown                  | T3  | N1 | M0 | G2    | lower-third  | IIIB
          other                    | T3  | N1 | M0 | G2    | lower-third  | histology-not-staged
          """)
  void pathological(
      String histology,
      String t,
      String n,
      String m,
      String grade,
      String location,
      String expected) {
    var input =
        new PathologicalStagingInput(
            Histology.fromCode(histology),
            TCategory.fromCode(t),
            NCategory.fromCode(n),
            MCategory.fromCode(m),
            Grade.fromCode(grade),
            TumourLocation.fromCode(location),
            false);
    assertThat(EsophagusStaging.pathological(input)).isEqualTo(result(expected));
  }

  @ParameterizedTest(name = "{0} c{1}{2}{3} → {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          squamous-cell-carcinoma | T2  | N0 | M0 | II
          adenocarcinoma          | T2  | N0 | M0 | IIB
          unknown                 | T2  | N0 | M0 | histology-unknown
          unknown                 | Tis | N0 | M0 | 0
          adenosquamous           | T4  | N0 | M0 | IVA
          adenocarcinoma          | T4  | N0 | M0 | t-subcategory-needed
          adenocarcinoma          | T4  | N2 | M0 | IVA
          adenocarcinoma          | T0  | N0 | M0 | not-in-table
          unknown                 | T4  | N0 | M0 | t-subcategory-needed
          """)
  void clinical(String histology, String t, String n, String m, String expected) {
    var input =
        new ClinicalStagingInput(
            Histology.fromCode(histology),
            TCategory.fromCode(t),
            NCategory.fromCode(n),
            MCategory.fromCode(m),
            false);
    assertThat(EsophagusStaging.clinical(input)).isEqualTo(result(expected));
  }

  @ParameterizedTest(name = "{0} yp{1}{2}{3} → {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown                 | T2  | N0 | M0 | I
          squamous-cell-carcinoma | T0  | N0 | M0 | I
          adenocarcinoma          | Tis | N0 | M0 | I
          adenocarcinoma          | T4a | NX | M0 | IVA
          adenocarcinoma          | T4b | NX | M0 | n-unknown
          adenocarcinoma          | T4  | NX | M0 | n-unknown
          adenocarcinoma          | T4  | N0 | M0 | t-subcategory-needed
          adenocarcinoma          | T4  | N1 | M0 | IVA
          adenocarcinoma          | T4a | NX | MX | m-unknown
          other                   | T2  | N0 | M0 | histology-not-staged
          """)
  void postNeoadjuvant(String histology, String t, String n, String m, String expected) {
    var input =
        new PostNeoadjuvantStagingInput(
            Histology.fromCode(histology),
            TCategory.fromCode(t),
            NCategory.fromCode(n),
            MCategory.fromCode(m),
            false);
    assertThat(EsophagusStaging.postNeoadjuvant(input)).isEqualTo(result(expected));
  }

  @Test
  void aTumourMoreThan2cmIntoTheStomachIsStagedWithTheGastricTablesAndSaysSo() {
    // Issue 13 changed this: the esophagus tables used to decline with StagingReason.GASTRIC.
    var input =
        new ClinicalStagingInput(
            Histology.ADENOCARCINOMA, TCategory.T2, NCategory.N0, MCategory.M1, true);
    assertThat(EsophagusStaging.clinical(input))
        .isEqualTo(StagingResult.derived(StageGroup.IVB).withNote(StagingNote.STAGED_AS_GASTRIC));
    var pathological =
        new PathologicalStagingInput(
            Histology.ADENOCARCINOMA,
            TCategory.T3,
            NCategory.N2,
            MCategory.M0,
            Grade.G2,
            TumourLocation.ESOPHAGOGASTRIC_JUNCTION,
            true);
    // Esophagus adenocarcinoma pT3 N2 would be IIIB; the gastric pathological table says IIIA.
    assertThat(EsophagusStaging.pathological(pathological))
        .isEqualTo(StagingResult.derived(StageGroup.IIIA).withNote(StagingNote.STAGED_AS_GASTRIC));
    assertThat(EsophagusStaging.pathological(pathological).describe())
        .contains("Stage IIIA", "gastric");
    var n3 =
        new PathologicalStagingInput(
            Histology.ADENOCARCINOMA,
            TCategory.T2,
            NCategory.N3,
            MCategory.M0,
            Grade.G2,
            TumourLocation.ESOPHAGOGASTRIC_JUNCTION,
            true);
    assertThat(EsophagusStaging.pathological(n3))
        .isEqualTo(
            StagingResult.notDerivable(StagingReason.N_SUBCATEGORY_NEEDED)
                .withNote(StagingNote.STAGED_AS_GASTRIC));
  }

  @Test
  void pathologicalOrYpChoosesTheTableByPrefix() {
    var findings =
        new PathologicalStagingInput(
            Histology.ADENOCARCINOMA,
            TCategory.T2,
            NCategory.N0,
            MCategory.M0,
            Grade.G3,
            TumourLocation.LOWER_THIRD,
            false);
    assertThat(EsophagusStaging.pathologicalOrYp(StagePrefix.P, findings))
        .isEqualTo(StagingResult.derived(StageGroup.IIA));
    assertThat(EsophagusStaging.pathologicalOrYp(StagePrefix.YP, findings))
        .isEqualTo(StagingResult.derived(StageGroup.I));
    assertThatThrownBy(() -> EsophagusStaging.pathologicalOrYp(StagePrefix.C, findings))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultsDescribeThemselvesInEnglish() {
    assertThat(StagingResult.derived(StageGroup.IIA).describe()).isEqualTo("Stage IIA");
    assertThat(StagingResult.derived(StageGroup.STAGE_0).describe()).isEqualTo("Stage 0");
    assertThat(StagingResult.notDerivable(StagingReason.T_UNKNOWN).describe())
        .isEqualTo("The stage cannot be derived: T is unknown (TX).");
  }

  @Test
  void resultsExposeEitherAStageOrAReason() {
    StagingResult derived = StagingResult.derived(StageGroup.IB);
    StagingResult notDerivable = StagingResult.notDerivable(StagingReason.NOT_IN_TABLE);
    assertThat(derived.isDerived()).isTrue();
    assertThat(derived.stage()).contains(StageGroup.IB);
    assertThat(derived.whyNotDerivable()).isEmpty();
    assertThat(notDerivable.isDerived()).isFalse();
    assertThat(notDerivable.stage()).isEmpty();
    assertThat(notDerivable.whyNotDerivable()).contains(StagingReason.NOT_IN_TABLE);
  }

  private static StagingResult result(String stageOrReason) {
    return stageOrReason.matches("0|I[IV]*[ABC]?|IV[AB]")
        ? StagingResult.derived(StageGroup.fromCode(stageOrReason))
        : StagingResult.notDerivable(StagingReason.fromCode(stageOrReason));
  }
}
