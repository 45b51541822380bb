package org.caseregistry.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.caseregistry.staging.StagingChecks.StagingCheckInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StagingChecksTest {

  @ParameterizedTest(name = "{0} positive nodes → {1}")
  @CsvSource({"0, N0", "1, N1", "2, N1", "3, N2", "6, N2", "7, N3", "8, N3", "60, N3"})
  void nCategoryFollowsTheNumberOfPositiveNodes(int positive, NCategory expected) {
    assertThat(NCategory.fromPositiveNodes(positive)).isEqualTo(expected);
  }

  @Test
  void aNegativeNodeCountIsRefused() {
    assertThatThrownBy(() -> NCategory.fromPositiveNodes(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NodeCount("thoracic", -1, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}{1} with {2}+{3} positive nodes → warns: {4}")
  @CsvSource({
    "p,  N2, 1, 6, true",
    "p,  N3, 1, 6, false",
    "yp, N1, 2, 0, false",
    "yp, N1, 3, 0, true",
    "p,  N0, 0, 0, false",
    "p,  N0, 0, 1, true",
    // clinical N comes from imaging, not from counted nodes; NX says nothing to compare
    "c,  N0, 3, 4, false",
    "p,  NX, 3, 4, false"
  })
  void recordedPathologicalNIsComparedWithTheNodeCount(
      String prefix, String recordedN, int thoracicPositive, int abdominalPositive, boolean warns) {
    List<NodeCount> counts =
        List.of(
            new NodeCount("thoracic", thoracicPositive, 20),
            new NodeCount("abdominal", abdominalPositive, 20));
    List<StagingWarning> warnings =
        StagingChecks.pathologicalN(
            StagePrefix.fromCode(prefix), NCategory.fromCode(recordedN), counts);
    assertThat(warnings).hasSize(warns ? 1 : 0);
    warnings.forEach(
        warning ->
            assertThat(warning.code()).isEqualTo(StagingWarningCode.PN_DISAGREES_WITH_NODE_COUNT));
  }

  @Test
  void withoutNodeCountsThereIsNothingToCompare() {
    assertThat(StagingChecks.pathologicalN(StagePrefix.P, NCategory.N2, List.of())).isEmpty();
  }

  @ParameterizedTest(name = "{0} with neoadjuvant therapy {1} → {2}")
  @CsvSource({
    "p,  true,  p-after-neoadjuvant",
    "yp, false, yp-without-neoadjuvant",
    "p,  false, ''",
    "yp, true,  ''",
    "c,  true,  ''",
    "c,  false, ''"
  })
  void prefixIsComparedWithNeoadjuvantTherapy(String prefix, boolean neoadjuvant, String expected) {
    List<StagingWarningCode> codes =
        StagingChecks.prefix(StagePrefix.fromCode(prefix), neoadjuvant).stream()
            .map(StagingWarning::code)
            .toList();
    assertThat(codes)
        .isEqualTo(expected.isEmpty() ? List.of() : List.of(StagingWarningCode.fromCode(expected)));
  }

  @Test
  void moreNodesPositiveThanExaminedIsReportedPerGroup() {
    List<StagingWarning> warnings =
        StagingChecks.nodeCounts(
            List.of(
                new NodeCount("thoracic", 3, 2),
                new NodeCount("abdominal", 2, 2),
                new NodeCount("cervical", 1, 0)));
    assertThat(warnings)
        .containsExactly(
            new StagingWarning(StagingWarningCode.POSITIVE_EXCEEDS_EXAMINED, "thoracic", 3, 2),
            new StagingWarning(StagingWarningCode.POSITIVE_EXCEEDS_EXAMINED, "cervical", 1, 0));
    assertThat(warnings.get(0).describe())
        .isEqualTo("thoracic: 3 positive nodes recorded but only 2 examined.");
    assertThat(warnings.get(0).messageKey()).isEqualTo("staging.warning.positive-exceeds-examined");
  }

  @Test
  void checkRunsEveryCheck() {
    var input =
        new StagingCheckInput(
            StagePrefix.P, NCategory.N1, List.of(new NodeCount("thoracic", 4, 3)), true);
    assertThat(StagingChecks.check(input))
        .extracting(StagingWarning::code)
        .containsExactly(
            StagingWarningCode.P_PREFIX_AFTER_NEOADJUVANT,
            StagingWarningCode.PN_DISAGREES_WITH_NODE_COUNT,
            StagingWarningCode.POSITIVE_EXCEEDS_EXAMINED);
  }
}
