package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.caseregistry.catalog.CaseVariables;
import org.junit.jupiter.api.Test;

class ValueParserTest {

  @Test
  void decimalsAcceptACommaOrAPoint() {
    assertThat(ValueParser.parse(CaseVariables.get("bmi_entered"), "18,52").value())
        .isEqualTo(new BigDecimal("18.52"));
    assertThat(ValueParser.parse(CaseVariables.get("bmi_entered"), " 20.43 ").value())
        .isEqualTo(new BigDecimal("20.43"));
    assertThat(ValueParser.parse(CaseVariables.get("bmi_entered"), "20.435").errorKey())
        .isEqualTo("value.too-many-decimals");
    assertThat(ValueParser.parse(CaseVariables.get("bmi_entered"), "abc").errorKey())
        .isEqualTo("value.not-number");
  }

  @Test
  void hardRangesRefuseImpossibleValues() {
    assertThat(ValueParser.parse(CaseVariables.get("bmi_entered"), "9.9").errorKey())
        .isEqualTo("value.out-of-range");
    assertThat(ValueParser.parse(CaseVariables.get("bmi_entered"), "70").isError()).isFalse();
    assertThat(ValueParser.parse(CaseVariables.get("age_years"), "121").errorKey())
        .isEqualTo("value.out-of-range");
    assertThat(ValueParser.parse(CaseVariables.get("age_years"), "-1").errorKey())
        .isEqualTo("value.out-of-range");
    assertThat(ValueParser.parse(CaseVariables.get("chest_drain_removal_pod"), "-2").errorKey())
        .isEqualTo("value.out-of-range");
    assertThat(ValueParser.parse(CaseVariables.get("age_years"), "57.5").errorKey())
        .isEqualTo("value.not-integer");
  }

  @Test
  void datesAreIsoOrDayFirst() {
    assertThat(ValueParser.parse(CaseVariables.get("operation_date"), "2022-03-01").value())
        .isEqualTo(LocalDate.of(2022, 3, 1));
    assertThat(ValueParser.parse(CaseVariables.get("operation_date"), "1/3/2022").value())
        .isEqualTo(LocalDate.of(2022, 3, 1));
    assertThat(ValueParser.parse(CaseVariables.get("operation_date"), "31.12.2021").value())
        .isEqualTo(LocalDate.of(2021, 12, 31));
    assertThat(ValueParser.parse(CaseVariables.get("operation_date"), "2022-02-30").errorKey())
        .isEqualTo("value.not-date");
  }

  @Test
  void codesMustBeAllowedAndTextHasALimit() {
    assertThat(ValueParser.parse(CaseVariables.get("sex"), "MALE").value()).isEqualTo("MALE");
    assertThat(ValueParser.parse(CaseVariables.get("sex"), "X").errorKey())
        .isEqualTo("value.unknown-code");
    assertThat(ValueParser.parse(CaseVariables.get("path_prefix"), "C").errorKey())
        .isEqualTo("value.unknown-code");
    assertThat(ValueParser.parse(CaseVariables.get("node_station"), "x".repeat(21)).errorKey())
        .isEqualTo("value.too-long");
    assertThat(ValueParser.parse(CaseVariables.get("sex"), "  ").value()).isNull();
  }

  @Test
  void formatWritesPlainNumbers() {
    assertThat(ValueParser.format(new BigDecimal("18.50"))).isEqualTo("18.5");
    assertThat(ValueParser.format(new BigDecimal("1E+2"))).isEqualTo("100");
    assertThat(ValueParser.format(null)).isEmpty();
  }
}
