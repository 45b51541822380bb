package org.caseregistry.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Properties that hold for every input of every classification (36 300 inputs). */
class EsophagusStagingPropertiesTest {

  private static final List<StagingCase> ALL = StagingCase.all();

  @Test
  void aTumourMoreThan2cmIntoTheStomachIsStagedAsGastric() {
    assertThat(
            violations(
                input -> input.epicentreMoreThan2cmIntoStomach(),
                input ->
                    input.stage().stagingNote().equals(Optional.of(StagingNote.STAGED_AS_GASTRIC))
                        && input
                            .stage()
                            .equals(
                                GastricTablesTranscription.expected(
                                        input.classification(),
                                        input.histology() != Histology.OTHER,
                                        input.t(),
                                        GastricNCategory.of(input.n()),
                                        input.m())
                                    .withNote(StagingNote.STAGED_AS_GASTRIC))))
        .isEmpty();
  }

  @Test
  void otherHistologiesAreNotStaged() {
    assertThat(
            violations(
                input -> esophageal(input) && input.histology() == Histology.OTHER,
                input ->
                    input
                        .stage()
                        .equals(StagingResult.notDerivable(StagingReason.HISTOLOGY_NOT_STAGED))))
        .isEmpty();
  }

  @Test
  void m1IsAlwaysIvb() {
    assertThat(
            violations(
                input -> staged(input) && input.m() == MCategory.M1,
                input -> input.stage().equals(StagingResult.derived(StageGroup.IVB))))
        .isEmpty();
  }

  @Test
  void n3WithM0IsAlwaysIva() {
    assertThat(
            violations(
                input ->
                    staged(input)
                        && input.t().isKnown()
                        && input.n() == NCategory.N3
                        && input.m() == MCategory.M0,
                input -> input.stage().equals(StagingResult.derived(StageGroup.IVA))))
        .isEmpty();
  }

  @Test
  void unknownMNeverGivesAStage() {
    assertThat(violations(input -> input.m() == MCategory.MX, input -> !input.stage().isDerived()))
        .isEmpty();
  }

  @Test
  void unknownTNeverGivesAStageWithoutM1() {
    assertThat(
            violations(
                input -> staged(input) && input.t() == TCategory.TX && input.m() != MCategory.M1,
                input -> input.stage().equals(StagingResult.notDerivable(StagingReason.T_UNKNOWN))))
        .isEmpty();
  }

  @Test
  void unknownNGivesAStageOnlyForYpT4aWhereTheTableSaysSo() {
    assertThat(
            violations(
                input ->
                    staged(input)
                        && input.t().isKnown()
                        && input.n() == NCategory.NX
                        && input.m() == MCategory.M0,
                input ->
                    input.classification() == StagePrefix.YP && input.t() == TCategory.T4A
                        ? input.stage().equals(StagingResult.derived(StageGroup.IVA))
                        : input
                            .stage()
                            .equals(StagingResult.notDerivable(StagingReason.N_UNKNOWN))))
        .isEmpty();
  }

  @Test
  void unknownsAreReportedInTheOrderTNM() {
    assertThat(
            violations(
                input -> staged(input) && input.m() != MCategory.M1 && !input.t().isKnown(),
                input -> input.stage().equals(StagingResult.notDerivable(StagingReason.T_UNKNOWN))))
        .isEmpty();
    assertThat(
            violations(
                input ->
                    staged(input)
                        && input.m() == MCategory.MX
                        && input.t().isKnown()
                        && !input.n().isKnown(),
                input ->
                    input
                        .stage()
                        .equals(
                            StagingResult.notDerivable(
                                input.classification() == StagePrefix.YP
                                        && input.t() == TCategory.T4A
                                    ? StagingReason.M_UNKNOWN
                                    : StagingReason.N_UNKNOWN))))
        .isEmpty();
  }

  @Test
  void unknownMIsReportedWhenTAndNAreKnown() {
    assertThat(
            violations(
                input ->
                    staged(input)
                        && input.t().isKnown()
                        && input.n().isKnown()
                        && input.m() == MCategory.MX,
                input -> input.stage().equals(StagingResult.notDerivable(StagingReason.M_UNKNOWN))))
        .isEmpty();
  }

  @Test
  void stageNeverDecreasesAsNRises() {
    assertNeverDecreases(DomainMdTables.N_ORDER, StagingCase::n, StagingCase::with);
  }

  @Test
  void stageNeverDecreasesAsTRises() {
    assertNeverDecreases(DomainMdTables.T_ORDER, StagingCase::t, StagingCase::with);
  }

  @Test
  void stageNeverDecreasesAsGradeRises() {
    assertNeverDecreases(DomainMdTables.GRADE_ORDER, StagingCase::grade, StagingCase::with);
  }

  @Test
  void adenosquamousIsStagedAsSquamous() {
    assertThat(
            violations(
                input -> input.histology() == Histology.ADENOSQUAMOUS,
                input ->
                    input.stage().equals(input.with(Histology.SQUAMOUS_CELL_CARCINOMA).stage())))
        .isEmpty();
  }

  @Test
  void anUnknownHistologyGivesAStageOnlyWhenSquamousAndAdenocarcinomaAgree() {
    assertThat(
            violations(
                input -> input.histology() == Histology.UNKNOWN && input.stage().isDerived(),
                input ->
                    input.stage().equals(input.with(Histology.SQUAMOUS_CELL_CARCINOMA).stage())
                        && input.stage().equals(input.with(Histology.ADENOCARCINOMA).stage())))
        .isEmpty();
  }

  @Test
  void aT1OrT4WithoutSubcategoryGivesTheStageBothSubcategoriesGive() {
    assertThat(
            violations(
                input -> input.t().subcategories().size() > 1 && input.stage().isDerived(),
                input ->
                    input.t().subcategories().stream()
                        .allMatch(
                            subcategory -> input.with(subcategory).stage().equals(input.stage()))))
        .isEmpty();
  }

  @Test
  void theSubcategoryIsAskedForOnlyWhenBothSubcategoriesAreStagedDifferently() {
    assertThat(
            violations(
                input ->
                    input
                        .stage()
                        .equals(StagingResult.notDerivable(StagingReason.T_SUBCATEGORY_NEEDED)),
                input ->
                    input.t().subcategories().size() == 2
                        && input.t().subcategories().stream()
                                .map(input::with)
                                .map(StagingCase::stage)
                                .distinct()
                                .count()
                            > 1))
        .isEmpty();
  }

  @Test
  void theEsophagogastricJunctionCountsAsLower() {
    assertThat(
            violations(
                input -> input.location() == TumourLocation.ESOPHAGOGASTRIC_JUNCTION,
                input -> input.stage().equals(input.with(TumourLocation.LOWER_THIRD).stage())))
        .isEmpty();
  }

  @Test
  void locationMattersOnlyForSquamousPathologicalT3N0AndNeverForAdenocarcinoma() {
    assertThat(
            violations(
                input ->
                    input.classification() == StagePrefix.P
                        && (input.histology() == Histology.ADENOCARCINOMA
                            || !(input.t() == TCategory.T3 && input.n() == NCategory.N0)),
                input -> input.stage().equals(input.with(TumourLocation.UNKNOWN).stage())))
        .isEmpty();
  }

  @Test
  void gradeMattersOnlyForPathologicalN0() {
    assertThat(
            violations(
                input -> input.classification() == StagePrefix.P && input.n() != NCategory.N0,
                input -> input.stage().equals(input.with(Grade.GX).stage())))
        .isEmpty();
  }

  private static <V> void assertNeverDecreases(
      List<V> order,
      Function<StagingCase, V> value,
      BiFunction<StagingCase, V, StagingCase> replace) {
    List<String> decreases = new ArrayList<>();
    for (StagingCase input : ALL) {
      int position = order.indexOf(value.apply(input));
      if (position < 0 || position == order.size() - 1) {
        continue;
      }
      StagingCase higher = replace.apply(input, order.get(position + 1));
      Optional<StageGroup> stage = input.stage().stage();
      Optional<StageGroup> higherStage = higher.stage().stage();
      if (stage.isPresent()
          && higherStage.isPresent()
          && higherStage.get().compareTo(stage.get()) < 0) {
        decreases.add(
            input + " " + stage.get().label() + " → " + higher + " " + higherStage.get().label());
      }
    }
    assertThat(decreases).isEmpty();
  }

  /** Inputs the given property applies to but does not hold for. */
  private static List<String> violations(
      Predicate<StagingCase> appliesTo, Predicate<StagingCase> holds) {
    return ALL.stream()
        .filter(appliesTo)
        .filter(holds.negate())
        .map(input -> input + " → " + input.stage().describe())
        .toList();
  }

  /** Not staged as a gastric cancer. */
  private static boolean esophageal(StagingCase input) {
    return !input.epicentreMoreThan2cmIntoStomach();
  }

  /** Staged by the esophagus tables at all. */
  private static boolean staged(StagingCase input) {
    return esophageal(input) && input.histology() != Histology.OTHER;
  }
}
