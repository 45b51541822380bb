package org.caseregistry.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.caseregistry.staging.DomainMdTables.Line;
import org.caseregistry.staging.DomainMdTables.TN;
import org.caseregistry.staging.DomainMdTables.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Staging against the transcription of domain.md in {@link DomainMdTables}: every row, then every
 * input.
 */
class EsophagusStagingTablesTest {

  static Stream<Arguments> everyRowOfEveryTable() {
    return DomainMdTables.all().stream()
        .flatMap(table -> table.lines().stream().map(line -> Arguments.of(table, line)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyRowOfEveryTable")
  void everyCombinationARowCoversGetsItsStage(Table table, Line line) {
    List<String> wrong = new ArrayList<>();
    int decidedByThisRow = 0;
    for (StagingCase input : casesCoveredBy(table, line)) {
      // An earlier row may cover the same combination (squamous pT3 N0 G1 with unknown location).
      if (table.firstMatch(input.t(), input.n(), input.grade(), input.location()).orElseThrow()
          != line) {
        continue;
      }
      decidedByThisRow++;
      if (!input.stage().equals(StagingResult.derived(line.stage()))) {
        wrong.add(input + " → " + input.stage().describe());
      }
    }
    assertThat(decidedByThisRow).as("combinations this row decides").isPositive();
    assertThat(wrong).as("combinations not staged %s", line.stage().label()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(StagePrefix.class)
  void everyInputIsStagedAsTheTablesSay(StagePrefix classification) {
    List<String> wrong =
        StagingCase.all(classification).stream()
            .filter(input -> !input.stage().equals(DomainMdTables.expected(input)))
            .map(
                input ->
                    input
                        + ": expected "
                        + DomainMdTables.expected(input).describe()
                        + ", got "
                        + input.stage().describe())
            .toList();
    assertThat(wrong).isEmpty();
  }

  @Test
  void rowsDisagreeOnlyForSquamousPT3N0WithGradeOneAndUnknownLocation() {
    List<String> conflicts = new ArrayList<>();
    for (Table table : DomainMdTables.all()) {
      for (TCategory t : DomainMdTables.T_ORDER) {
        for (NCategory n : NCategory.values()) {
          for (Grade grade : Grade.values()) {
            for (TumourLocation location : TumourLocation.values()) {
              long stages =
                  table.lines().stream()
                      .filter(line -> line.covers(t, n, grade, location))
                      .map(Line::stage)
                      .distinct()
                      .count();
              if (stages > 1) {
                conflicts.add(
                    table + " " + t.code() + n.code() + " " + grade.code() + " " + location.code());
              }
            }
          }
        }
      }
    }
    assertThat(conflicts).containsExactly("pathological squamous T3N0 G1 unknown");
    // The first printed row, G1 → IIA, decides: with G1 the stage is IIA whatever the location.
    assertThat(
            StagingCase.pathological(
                    Histology.SQUAMOUS_CELL_CARCINOMA,
                    TCategory.T3,
                    NCategory.N0,
                    MCategory.M0,
                    Grade.G1,
                    TumourLocation.UNKNOWN)
                .stage())
        .isEqualTo(StagingResult.derived(StageGroup.IIA));
  }

  /**
   * Every known T/N pair, grade and location the line covers, for each histology its table stages.
   */
  private static List<StagingCase> casesCoveredBy(Table table, Line line) {
    List<Histology> histologies =
        switch (table.name()) {
          case "clinical squamous", "pathological squamous" ->
              List.of(Histology.SQUAMOUS_CELL_CARCINOMA, Histology.ADENOSQUAMOUS);
          case "clinical adenocarcinoma", "pathological adenocarcinoma" ->
              List.of(Histology.ADENOCARCINOMA);
          default ->
              List.of(
                  Histology.SQUAMOUS_CELL_CARCINOMA,
                  Histology.ADENOSQUAMOUS,
                  Histology.ADENOCARCINOMA,
                  Histology.UNKNOWN);
        };
    List<StagingCase> cases = new ArrayList<>();
    for (Histology histology : histologies) {
      for (TN pair : line.pairs()) {
        switch (table.classification()) {
          case C -> cases.add(StagingCase.clinical(histology, pair.t(), pair.n(), MCategory.M0));
          case YP ->
              cases.add(StagingCase.postNeoadjuvant(histology, pair.t(), pair.n(), MCategory.M0));
          case P -> {
            for (Grade grade : line.grades()) {
              for (TumourLocation location : line.locations()) {
                cases.add(
                    StagingCase.pathological(
                        histology, pair.t(), pair.n(), MCategory.M0, grade, location));
              }
            }
          }
        }
      }
    }
    return cases;
  }
}
