package org.caseregistry.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.caseregistry.staging.GastricTablesTranscription.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gastric staging against the grids of domain.md copied in {@link GastricTablesTranscription}:
 * every cell of the three tables, then every input.
 */
class GastricStagingTablesTest {

  static Stream<Arguments> everyCellOfEveryTable() {
    return Stream.of(StagePrefix.values())
        .flatMap(
            c -> GastricTablesTranscription.cells(c).stream().map(cell -> Arguments.of(c, cell)));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("everyCellOfEveryTable")
  void everyCellGetsItsStageWhateverTheCarcinomaSubtype(StagePrefix classification, Cell cell) {
    StagingResult expected =
        cell.stage() == null
            ? StagingResult.notDerivable(StagingReason.NOT_IN_TABLE)
            : StagingResult.derived(cell.stage());
    List<String> wrong = new ArrayList<>();
    for (TCategory t : GastricTablesTranscription.tCategoriesOf(cell.t())) {
      for (GastricNCategory n : GastricTablesTranscription.nCategoriesOf(cell.n())) {
        if (classification == StagePrefix.P && n == GastricNCategory.N3) {
          continue; // pN3 without a or b: decided by the tests of undecidable combinations
        }
        for (GastricHistology histology : GastricHistology.values()) {
          if (!histology.isStaged()) {
            continue;
          }
          StagingResult actual = stage(classification, histology, t, n, MCategory.M0);
          if (!actual.equals(expected)) {
            wrong.add(t.code() + " " + n.code() + " " + histology + " → " + actual.describe());
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theGridsHaveTheSizeDomainMdPrints() {
    assertThat(GastricTablesTranscription.cells(StagePrefix.C)).hasSize(6 * 4);
    assertThat(GastricTablesTranscription.cells(StagePrefix.P)).hasSize(6 * 5);
    assertThat(GastricTablesTranscription.cells(StagePrefix.YP)).hasSize(7 * 4);
  }

  @ParameterizedTest
  @EnumSource(StagePrefix.class)
  void everyInputIsStagedAsTheGridsSay(StagePrefix classification) {
    List<String> wrong = new ArrayList<>();
    int inputs = 0;
    for (GastricHistology histology : GastricHistology.values()) {
      for (TCategory t : TCategory.values()) {
        for (GastricNCategory n : GastricNCategory.values()) {
          for (MCategory m : MCategory.values()) {
            inputs++;
            StagingResult expected =
                GastricTablesTranscription.expected(classification, histology.isStaged(), t, n, m);
            StagingResult actual = stage(classification, histology, t, n, m);
            if (!actual.equals(expected)) {
              wrong.add(
                  classification.code()
                      + t.code()
                      + n.code()
                      + m.code()
                      + " "
                      + histology
                      + ": expected "
                      + expected.describe()
                      + ", got "
                      + actual.describe());
            }
          }
        }
      }
    }
    assertThat(inputs).isEqualTo(10 * 11 * 7 * 3);
    assertThat(wrong).isEmpty();
  }

  static StagingResult stage(
      StagePrefix classification,
      GastricHistology histology,
      TCategory t,
      GastricNCategory n,
      MCategory m) {
    GastricStagingInput input = new GastricStagingInput(histology, t, n, m);
    return switch (classification) {
      case C -> GastricStaging.clinical(input);
      case P -> GastricStaging.pathologicalOrYp(StagePrefix.P, input);
      case YP -> GastricStaging.pathologicalOrYp(StagePrefix.YP, input);
    };
  }
}
