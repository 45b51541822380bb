package org.caseregistry.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StagingCodesTest {

  static Stream<Arguments> everyConstant() {
    return Stream.of(
            constants(Histology.values(), Histology::code, Histology::fromCode),
            constants(TCategory.values(), TCategory::code, TCategory::fromCode),
            constants(NCategory.values(), NCategory::code, NCategory::fromCode),
            constants(
                GastricNCategory.values(), GastricNCategory::code, GastricNCategory::fromCode),
            constants(
                GastricHistology.values(), GastricHistology::code, GastricHistology::fromCode),
            constants(StagingNote.values(), StagingNote::code, StagingNote::fromCode),
            constants(MCategory.values(), MCategory::code, MCategory::fromCode),
            constants(Grade.values(), Grade::code, Grade::fromCode),
            constants(TumourLocation.values(), TumourLocation::code, TumourLocation::fromCode),
            constants(StagePrefix.values(), StagePrefix::code, StagePrefix::fromCode),
            constants(StageGroup.values(), StageGroup::code, StageGroup::fromCode),
            constants(StagingReason.values(), StagingReason::code, StagingReason::fromCode),
            constants(
                StagingWarningCode.values(),
                StagingWarningCode::code,
                StagingWarningCode::fromCode))
        .flatMap(Function.identity());
  }

  @ParameterizedTest(name = "{0} ↔ \"{1}\"")
  @MethodSource("everyConstant")
  void everyCodeReadsBackAsItsConstantWhateverTheCase(
      Enum<?> constant, String code, Function<String, Enum<?>> fromCode) {
    assertThat(fromCode.apply(code)).isSameAs(constant);
    assertThat(fromCode.apply(code.toUpperCase(Locale.ROOT))).isSameAs(constant);
    assertThat(fromCode.apply(" " + code.toLowerCase(Locale.ROOT) + " ")).isSameAs(constant);
    assertThat(fromCode.apply(constant.name())).isSameAs(constant);
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({"pT3, T3", "ypT0, T0", "cT2, T2", "pTis, TIS", "CT1A, T1A", "yPt4b, T4B", "TX, TX"})
  void tCategoryCodesMayCarryTheirPrefix(String code, TCategory expected) {
    assertThat(TCategory.fromCode(code)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({"pN2, N2", "ypN0, N0", "cN1, N1", "pNX, NX"})
  void nCategoryCodesMayCarryTheirPrefix(String code, NCategory expected) {
    assertThat(NCategory.fromCode(code)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({"cM0, M0", "pM1, M1", "ypM0, M0", "MX, MX"})
  void mCategoryCodesMayCarryTheirPrefix(String code, MCategory expected) {
    assertThat(MCategory.fromCode(code)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({"pT, P", "ypTNM, YP", "cN, C", "YP, YP"})
  void prefixCodesMayBeWrittenWithWhatTheyPrefix(String code, StagePrefix expected) {
    assertThat(StagePrefix.fromCode(code)).isEqualTo(expected);
  }

  @Test
  void codesReadAsWrittenInTheSeedAndOnPaper() {
    assertThat(TumourLocation.fromCode("lower third")).isEqualTo(TumourLocation.LOWER_THIRD);
    assertThat(TumourLocation.fromCode("ESOPHAGOGASTRIC_JUNCTION"))
        .isEqualTo(TumourLocation.ESOPHAGOGASTRIC_JUNCTION);
    assertThat(Histology.fromCode("Squamous cell carcinoma"))
        .isEqualTo(Histology.SQUAMOUS_CELL_CARCINOMA);
    assertThat(StageGroup.fromCode("Stage IIA")).isEqualTo(StageGroup.IIA);
    assertThat(StageGroup.STAGE_0.label()).isEqualTo("0");
    assertThat(StageGroup.IIIB.label()).isEqualTo("IIIB");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "T5", "pT", "N4", "M2", "G4", "xT1", "T1c"})
  void unknownCodesAreRefused(String code) {
    assertThatThrownBy(() -> TCategory.fromCode(code)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NCategory.fromCode(code)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MCategory.fromCode(code)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Grade.fromCode(code)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {"pT2N0M0", "ypT0N1M0", "cT4bNXM0", "pTisN0M0", "pT1aN0M0", "cTXNXMX", "ypT4aN3M1"})
  void tnmNotationReadsBack(String notation) {
    assertThat(Tnm.parse(notation).code()).isEqualTo(notation);
  }

  @Test
  void tnmNotationIsReadIntoItsParts() {
    assertThat(Tnm.parse(" ypT2 N0 M0 "))
        .isEqualTo(new Tnm(StagePrefix.YP, TCategory.T2, NCategory.N0, MCategory.M0));
    assertThat(Tnm.parse("CT1AN0M0"))
        .isEqualTo(new Tnm(StagePrefix.C, TCategory.T1A, NCategory.N0, MCategory.M0));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"T2N0M0", "pT2N0", "pT9N0M0", "pT2N0M0x"})
  void malformedTnmIsRefused(String notation) {
    assertThatThrownBy(() -> Tnm.parse(notation)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void subcategoriesAndKnownness() {
    assertThat(TCategory.T1.subcategories()).containsExactly(TCategory.T1A, TCategory.T1B);
    assertThat(TCategory.T4.subcategories()).containsExactly(TCategory.T4A, TCategory.T4B);
    assertThat(TCategory.T3.subcategories()).containsExactly(TCategory.T3);
    assertThat(Stream.of(TCategory.values()).filter(t -> !t.isKnown()))
        .containsExactly(TCategory.TX);
    assertThat(Stream.of(NCategory.values()).filter(n -> !n.isKnown()))
        .containsExactly(NCategory.NX);
    assertThat(Stream.of(MCategory.values()).filter(m -> !m.isKnown()))
        .containsExactly(MCategory.MX);
  }

  @Test
  void histologiesMapToTheirTableFamily() {
    assertThat(Histology.SQUAMOUS_CELL_CARCINOMA.tableFamily()).contains(TableFamily.SQUAMOUS);
    assertThat(Histology.ADENOSQUAMOUS.tableFamily()).contains(TableFamily.SQUAMOUS);
    assertThat(Histology.ADENOCARCINOMA.tableFamily()).contains(TableFamily.ADENOCARCINOMA);
    assertThat(Histology.OTHER.tableFamily()).isEmpty();
    assertThat(Histology.UNKNOWN.tableFamily()).isEmpty();
  }

  private static <E extends Enum<E>> Stream<Arguments> constants(
      E[] values, Function<E, String> code, Function<String, E> fromCode) {
    Function<String, Enum<?>> reader = fromCode::apply;
    return Stream.of(values).map(constant -> Arguments.of(constant, code.apply(constant), reader));
  }
}
