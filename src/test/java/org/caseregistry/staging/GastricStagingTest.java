package org.caseregistry.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The combinations the stomach tables cannot decide, and the rules around them, one by one. */
class GastricStagingTest {

  @ParameterizedTest(name = "{0}{1}{2}{3} {4} → {5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # T1 without a or b shares the T1 row
          p  | T1  | N0  | M0 | tubular-adenocarcinoma     | IA
          c  | T1  | N1  | M0 | tubular-adenocarcinoma     | IIA
          yp | T1  | N3  | M0 | tubular-adenocarcinoma     | II
          # N3 without a or b: fine where the table has one N3 column, and for pT4b
          c  | T2  | N3  | M0 | signet-ring-cell-carcinoma | IIA
          yp | T2  | N3  | M0 | signet-ring-cell-carcinoma | III
          p  | T4b | N3  | M0 | signet-ring-cell-carcinoma | IIIC
          p  | T1  | N3  | M0 | signet-ring-cell-carcinoma | n-subcategory-needed
          p  | T2  | N3  | M0 | unknown                    | n-subcategory-needed
          p  | T3  | N3  | M0 | unknown                    | n-subcategory-needed
          p  | T4a | N3  | M0 | unknown                    | n-subcategory-needed
          p  | T4  | N3  | M0 | unknown                    | n-subcategory-needed
          # N3a and N3b where a table does not split them
          c  | T3  | N3b | M0 | mucinous-adenocarcinoma    | III
          yp | T4a | N3a | M0 | mucinous-adenocarcinoma    | III
          # T4 without a or b
          c  | T4  | N0  | M0 | adenocarcinoma-nos         | t-subcategory-needed
          p  | T4  | N0  | M0 | adenocarcinoma-nos         | t-subcategory-needed
          yp | T4  | N0  | M0 | adenocarcinoma-nos         | t-subcategory-needed
          yp | T4  | N2  | M0 | adenocarcinoma-nos         | III
          p  | T4  | N3b | M0 | adenocarcinoma-nos         | IIIC
          # unknown categories, in the order T, N, M
          c  | TX  | N0  | M0 | tubular-adenocarcinoma     | t-unknown
          p  | TX  | NX  | MX | tubular-adenocarcinoma     | t-unknown
          p  | T2  | NX  | M0 | tubular-adenocarcinoma     | n-unknown
          yp | T2  | NX  | MX | tubular-adenocarcinoma     | n-unknown
          c  | T2  | N0  | MX | tubular-adenocarcinoma     | m-unknown
          p  | T1  | N3  | MX | tubular-adenocarcinoma     | m-unknown
          # M1 decides whatever T and N are
          c  | TX  | NX  | M1 | tubular-adenocarcinoma     | IVB
          p  | TX  | NX  | M1 | tubular-adenocarcinoma     | IV
          yp | T0  | N0  | M1 | tubular-adenocarcinoma     | IV
          # not in the tables
          c  | T0  | N0  | M0 | tubular-adenocarcinoma     | not-in-table
          p  | T0  | N1  | M0 | tubular-adenocarcinoma     | not-in-table
          p  | Tis | N1  | M0 | tubular-adenocarcinoma     | not-in-table
          c  | Tis | N0  | M0 | tubular-adenocarcinoma     | 0
          p  | Tis | N0  | M0 | tubular-adenocarcinoma     | 0
          yp | Tis | N0  | M0 | tubular-adenocarcinoma     | I
          yp | T0  | N0  | M0 | tubular-adenocarcinoma     | I
          # not a carcinoma
          p  | T2  | N0  | M0 | other                      | gastric-histology-not-staged
          c  | T2  | N0  | M1 | other                      | gastric-histology-not-staged
          """)
  void undecidableAndBoundaryCombinations(
      String prefix, String t, String n, String m, String histology, String expected) {
    StagingResult actual =
        GastricStagingTablesTest.stage(
            StagePrefix.fromCode(prefix),
            GastricHistology.fromCode(histology),
            TCategory.fromCode(t),
            GastricNCategory.fromCode(n),
            MCategory.fromCode(m));
    StagingResult wanted =
        expected.matches("[0IVABC]+")
            ? StagingResult.derived(StageGroup.fromCode(expected))
            : StagingResult.notDerivable(StagingReason.fromCode(expected));
    assertThat(actual).isEqualTo(wanted);
  }

  @ParameterizedTest(name = "{0} positive → {1}")
  @CsvSource({
    "0, N0", "1, N1", "2, N1", "3, N2", "6, N2", "7, N3a", "15, N3a", "16, N3b", "90, N3b"
  })
  void pNFromTheCountSplitsN3At16(int positive, String expected) {
    assertThat(GastricNCategory.fromPositiveNodes(positive))
        .isEqualTo(GastricNCategory.fromCode(expected));
  }

  @Test
  void negativeCountsAreRefused() {
    assertThatThrownBy(() -> GastricNCategory.fromPositiveNodes(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void esophagusCategoriesReadAsTheSameGastricOnes() {
    assertThat(GastricNCategory.of(NCategory.N3)).isEqualTo(GastricNCategory.N3);
    assertThat(GastricNCategory.of(NCategory.NX)).isEqualTo(GastricNCategory.NX);
    assertThat(GastricNCategory.of(NCategory.N2)).isEqualTo(GastricNCategory.N2);
    assertThat(GastricNCategory.fromCode("ypN3b")).isEqualTo(GastricNCategory.N3B);
    assertThat(GastricNCategory.fromCode("N3A")).isEqualTo(GastricNCategory.N3A);
  }

  @Test
  void clinicalStagingIsNotThePathologicalEntry() {
    GastricStagingInput input =
        new GastricStagingInput(
            GastricHistology.UNKNOWN, TCategory.T2, GastricNCategory.N0, MCategory.M0);
    assertThatThrownBy(() -> GastricStaging.pathologicalOrYp(StagePrefix.C, input))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(GastricStaging.pathological(input)).isEqualTo(StagingResult.derived(StageGroup.IB));
    assertThat(GastricStaging.postNeoadjuvant(input))
        .isEqualTo(StagingResult.derived(StageGroup.I));
  }
}
