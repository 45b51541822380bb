package org.caseregistry.complication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClavienDindoGradeTest {

  @ParameterizedTest(name = "{0}: \"{1}\", weight {2}")
  @CsvSource({
    "I, I, 300",
    "II, II, 1750",
    "IIIA, IIIa, 2750",
    "IIIB, IIIb, 4550",
    "IVA, IVa, 7200",
    "IVB, IVb, 8550"
  })
  void codesAndWeights(ClavienDindoGrade grade, String code, int weight) {
    assertThat(grade.code()).isEqualTo(code);
    assertThat(grade.cciWeight()).isEqualTo(OptionalInt.of(weight));
  }

  @Test
  void deathHasNoWeight() {
    assertThat(ClavienDindoGrade.V.code()).isEqualTo("V");
    assertThat(ClavienDindoGrade.V.cciWeight()).isEmpty();
  }

  @Test
  void gradesRankFromIToV() {
    assertThat(ClavienDindoGrade.values())
        .containsExactly(
            ClavienDindoGrade.I,
            ClavienDindoGrade.II,
            ClavienDindoGrade.IIIA,
            ClavienDindoGrade.IIIB,
            ClavienDindoGrade.IVA,
            ClavienDindoGrade.IVB,
            ClavienDindoGrade.V);
    assertThat(ClavienDindoGrade.IIIB.isWorseThan(ClavienDindoGrade.IIIA)).isTrue();
    assertThat(ClavienDindoGrade.II.isWorseThan(ClavienDindoGrade.II)).isFalse();
    assertThat(
            ClavienDindoGrade.worst(
                List.of(ClavienDindoGrade.II, ClavienDindoGrade.IVA, ClavienDindoGrade.I)))
        .contains(ClavienDindoGrade.IVA);
    assertThat(ClavienDindoGrade.worst(List.of())).isEmpty();
  }

  @Test
  void codesReadInAnyCase() {
    assertThat(ClavienDindoGrade.fromCode("iiia")).isEqualTo(ClavienDindoGrade.IIIA);
    assertThat(ClavienDindoGrade.fromCode("IVB")).isEqualTo(ClavienDindoGrade.IVB);
    assertThatThrownBy(() -> ClavienDindoGrade.fromCode("VI"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClavienDindoGrade.fromCode(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
