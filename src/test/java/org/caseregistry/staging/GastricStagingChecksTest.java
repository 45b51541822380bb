package org.caseregistry.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GastricStagingChecksTest {

  private static final List<NodeCount> SEVEN_OF_TWENTY =
      List.of(new NodeCount("3", 4, 10), new NodeCount("6", 3, 10));

  private static final List<NodeCount> SIXTEEN_OF_THIRTY =
      List.of(new NodeCount("4sb", 9, 15), new NodeCount("7", 7, 15));

  @ParameterizedTest(name = "{0}{1} against 7 positive: warns {2}")
  @CsvSource({"p, N3a, false", "p, N3, false", "yp, N3, false", "p, N3b, true", "p, N2, true"})
  void recordedPnIsComparedWithTheCountAndN3CoversN3aAndN3b(
      String prefix, String n, boolean warns) {
    List<StagingWarning> warnings =
        GastricStagingChecks.pathologicalN(
            StagePrefix.fromCode(prefix), GastricNCategory.fromCode(n), SEVEN_OF_TWENTY);
    assertThat(warnings.isEmpty()).isEqualTo(!warns);
  }

  @Test
  void theMismatchNamesRecordedCountAndExpected() {
    assertThat(
            GastricStagingChecks.pathologicalN(
                StagePrefix.P, GastricNCategory.N3A, SIXTEEN_OF_THIRTY))
        .containsExactly(
            new StagingWarning(
                StagingWarningCode.PN_DISAGREES_WITH_NODE_COUNT, "pN3a", 16, "pN3b"));
    assertThat(
            GastricStagingChecks.pathologicalN(
                    StagePrefix.P, GastricNCategory.N3A, SIXTEEN_OF_THIRTY)
                .get(0)
                .describe())
        .contains("pN3a", "16", "pN3b");
  }

  @Test
  void clinicalNxAndNoCountsAreNotCompared() {
    assertThat(
            GastricStagingChecks.pathologicalN(StagePrefix.C, GastricNCategory.N0, SEVEN_OF_TWENTY))
        .isEmpty();
    assertThat(
            GastricStagingChecks.pathologicalN(StagePrefix.P, GastricNCategory.NX, SEVEN_OF_TWENTY))
        .isEmpty();
    assertThat(GastricStagingChecks.pathologicalN(StagePrefix.P, GastricNCategory.N0, List.of()))
        .isEmpty();
  }

  @Test
  void fewerThan16ExaminedNodesAreFlaggedWithTheirNumber() {
    assertThat(GastricStagingChecks.examinedNodes(List.of(new NodeCount("3", 0, 15))))
        .containsExactly(new StagingWarning(StagingWarningCode.FEWER_THAN_16_NODES_EXAMINED, 15));
    assertThat(
            GastricStagingChecks.examinedNodes(
                List.of(new NodeCount("3", 0, 8), new NodeCount("4d", 0, 8))))
        .isEmpty();
    assertThat(GastricStagingChecks.examinedNodes(List.of())).isEmpty();
    assertThat(new StagingWarning(StagingWarningCode.FEWER_THAN_16_NODES_EXAMINED, 12).describe())
        .contains("12", "16");
  }

  @Test
  void pAfterNeoadjuvantTherapyIsTheEsophagusCheck() {
    assertThat(StagingChecks.prefix(StagePrefix.P, true))
        .containsExactly(new StagingWarning(StagingWarningCode.P_PREFIX_AFTER_NEOADJUVANT));
  }
}
