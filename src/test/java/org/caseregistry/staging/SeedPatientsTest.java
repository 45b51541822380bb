package org.caseregistry.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caseregistry.staging.StagingChecks.StagingCheckInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The six patients of the seed case series (reference/seed-case-series.csv): all lower third,
 * histology and grade not published.
 */
class SeedPatientsTest {

  @ParameterizedTest(name = "{0}: {1} / {2}, neoadjuvant {3}, nodes {4}/{5} + {6}/{7} → {8}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # patient | clinical | published  | neoadjuvant | thoracic | | abdominal | | warnings
          BN1       | cT2N0M0  | pT3N0M0    | false       | 0 | 8    | 0 | 10   | ''
          BN2       | cT2N0M0  | pT3N1M0    | false       | 1 | 10   | 0 | 5    | ''
          BN3       | cT3N0M0  | pT2N0M0    | true        | 0 | 7    | 0 | 8    | p-after-neoadjuvant
          BN4       | cT2N0M0  | pT3N0M0    | false       | 0 | 5    | 0 | 8    | ''
          BN5       | cT2N0M0  | pT3N1M0    | false       | 0 | 9    | 2 | 9    | ''
          BN6       | cT2N0M0  | pT4N2M0    | false       | 1 | 17   | 6 | 9    | pn-mismatch
          """)
  void publishedPathologyIsCheckedAndStaged(
      String patient,
      String clinical,
      String published,
      boolean neoadjuvant,
      int thoracicPositive,
      int thoracicExamined,
      int abdominalPositive,
      int abdominalExamined,
      String warnings) {
    Tnm pathology = Tnm.parse(published);
    var input =
        new StagingCheckInput(
            pathology.prefix(),
            pathology.n(),
            List.of(
                new NodeCount("thoracic", thoracicPositive, thoracicExamined),
                new NodeCount("abdominal", abdominalPositive, abdominalExamined)),
            neoadjuvant);

    assertThat(StagingChecks.check(input))
        .extracting(StagingWarning::code)
        .isEqualTo(warnings.isEmpty() ? List.of() : List.of(StagingWarningCode.fromCode(warnings)));
    Tnm clinicalTnm = Tnm.parse(clinical);
    assertThat(
            EsophagusStaging.clinical(
                new ClinicalStagingInput(
                    Histology.UNKNOWN, clinicalTnm.t(), clinicalTnm.n(), clinicalTnm.m(), false)))
        .as("unknown histology: the squamous and adenocarcinoma clinical tables disagree")
        .isEqualTo(StagingResult.notDerivable(StagingReason.HISTOLOGY_UNKNOWN));
  }

  @Test
  void bn6HasSevenPositiveNodesWhichIsN3NotThePublishedN2() {
    List<StagingWarning> warnings =
        StagingChecks.pathologicalN(
            StagePrefix.P,
            NCategory.N2,
            List.of(new NodeCount("thoracic", 1, 17), new NodeCount("abdominal", 6, 9)));
    assertThat(warnings)
        .containsExactly(
            new StagingWarning(StagingWarningCode.PN_DISAGREES_WITH_NODE_COUNT, "pN2", 7, "pN3"));
    assertThat(warnings.get(0).describe())
        .isEqualTo(
            "Recorded pN2 does not match the 7 positive nodes counted, which give pN3 (AJCC 8th"
                + " edition).");
    // pT4 without sub-category: IVA with N2 as published and with N3 as counted.
    for (NCategory n : List.of(NCategory.N2, NCategory.N3)) {
      assertThat(
              EsophagusStaging.pathological(
                  new PathologicalStagingInput(
                      Histology.UNKNOWN,
                      TCategory.T4,
                      n,
                      MCategory.M0,
                      Grade.GX,
                      TumourLocation.LOWER_THIRD,
                      false)))
          .isEqualTo(StagingResult.derived(StageGroup.IVA));
    }
  }

  @Test
  void bn3HadChemoradiotherapySoItsPT2N0M0IsYpT2N0M0StageI() {
    assertThat(StagingChecks.prefix(StagePrefix.P, true))
        .extracting(StagingWarning::code)
        .containsExactly(StagingWarningCode.P_PREFIX_AFTER_NEOADJUVANT);
    Tnm corrected = Tnm.parse("ypT2N0M0");
    var findings =
        new PathologicalStagingInput(
            Histology.UNKNOWN,
            corrected.t(),
            corrected.n(),
            corrected.m(),
            Grade.GX,
            TumourLocation.LOWER_THIRD,
            false);
    assertThat(EsophagusStaging.pathologicalOrYp(corrected.prefix(), findings))
        .isEqualTo(StagingResult.derived(StageGroup.I));
    assertThat(StagingChecks.prefix(corrected.prefix(), true)).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} (histology unknown, GX, lower third) → {2}")
  @CsvSource({"BN1, pT3N0M0, IIB", "BN2, pT3N1M0, IIIB", "BN4, pT3N0M0, IIB", "BN5, pT3N1M0, IIIB"})
  void pathologicalStagesNeedNoHistologyWhenBothTablesAgree(
      String patient, String published, String stage) {
    Tnm pathology = Tnm.parse(published);
    assertThat(
            EsophagusStaging.pathological(
                new PathologicalStagingInput(
                    Histology.UNKNOWN,
                    pathology.t(),
                    pathology.n(),
                    pathology.m(),
                    Grade.GX,
                    TumourLocation.LOWER_THIRD,
                    false)))
        .isEqualTo(StagingResult.derived(StageGroup.fromCode(stage)));
  }
}
