package org.caseregistry.complication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseregistry.complication.ClavienDindoGrade.I;
import static org.caseregistry.complication.ClavienDindoGrade.II;
import static org.caseregistry.complication.ClavienDindoGrade.IIIA;
import static org.caseregistry.complication.ClavienDindoGrade.IIIB;
import static org.caseregistry.complication.ClavienDindoGrade.IVA;
import static org.caseregistry.complication.ClavienDindoGrade.IVB;
import static org.caseregistry.complication.ClavienDindoGrade.V;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComprehensiveComplicationIndexTest {

  static Stream<Arguments> checkValues() {
    return Stream.of(
        // the check values of domain.md
        Arguments.of(List.of(II), "20.9"),
        Arguments.of(List.of(I, II), "22.6"),
        Arguments.of(List.of(II, II), "29.6"),
        Arguments.of(List.of(II, II, II, II), "41.8"),
        // one complication of each grade: √w / 2
        Arguments.of(List.of(I), "8.7"),
        Arguments.of(List.of(IIIA), "26.2"),
        Arguments.of(List.of(IIIB), "33.7"),
        Arguments.of(List.of(IVA), "42.4"),
        Arguments.of(List.of(IVB), "46.2"),
        Arguments.of(List.of(), "0.0"),
        Arguments.of(List.of(I, V), "100.0"),
        Arguments.of(List.of(V), "100.0"),
        // √(4 × 8550 + 7200) / 2 = 100.4…: capped
        Arguments.of(List.of(IVB, IVB, IVB, IVB, IVA), "100.0"),
        // √(4 × 8550 + 4550) / 2 = 98.4
        Arguments.of(List.of(IVB, IVB, IVB, IVB, IIIB), "98.4"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("checkValues")
  void indexOfAPatientsComplications(List<ClavienDindoGrade> grades, String expected) {
    ComprehensiveComplicationIndex index = ComprehensiveComplicationIndex.of(grades);
    assertThat(index.value()).isEqualTo(new BigDecimal(expected));
    assertThat(index.toString()).isEqualTo(expected);
  }

  @Test
  void theOrderOfComplicationsDoesNotMatter() {
    List<ClavienDindoGrade> grades = new ArrayList<>(List.of(I, II, IIIA, IIIB));
    ComprehensiveComplicationIndex index = ComprehensiveComplicationIndex.of(grades);
    Collections.reverse(grades);
    assertThat(ComprehensiveComplicationIndex.of(grades)).isEqualTo(index);
    assertThat(ComprehensiveComplicationIndex.of(IIIB, IIIA, II, I)).isEqualTo(index);
  }

  @Test
  void noComplicationIsZeroAndDeathIsTheMaximum() {
    assertThat(ComprehensiveComplicationIndex.of()).isEqualTo(ComprehensiveComplicationIndex.NONE);
    assertThat(ComprehensiveComplicationIndex.of(II, V))
        .isEqualTo(ComprehensiveComplicationIndex.MAXIMUM);
    assertThat(ComprehensiveComplicationIndex.NONE.value()).isEqualTo(new BigDecimal("0.0"));
    assertThat(ComprehensiveComplicationIndex.MAXIMUM.value()).isEqualTo(new BigDecimal("100.0"));
  }

  @Test
  void moreComplicationsNeverLowerTheIndex() {
    for (ClavienDindoGrade first : ClavienDindoGrade.values()) {
      for (ClavienDindoGrade second : ClavienDindoGrade.values()) {
        assertThat(ComprehensiveComplicationIndex.of(first, second))
            .isGreaterThanOrEqualTo(ComprehensiveComplicationIndex.of(first));
      }
    }
  }

  @Test
  void aValueOutsideTheScaleIsRefused() {
    assertThatThrownBy(() -> new ComprehensiveComplicationIndex(new BigDecimal("100.1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComprehensiveComplicationIndex(new BigDecimal("-0.1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ComprehensiveComplicationIndex(new BigDecimal("20.92")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ComprehensiveComplicationIndex(new BigDecimal("20.90")).value())
        .isEqualTo(new BigDecimal("20.9"));
  }
}
