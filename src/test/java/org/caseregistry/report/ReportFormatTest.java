package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Clinical number formatting: one decimal for statistics and percentages, decimal comma in
 * Vietnamese.
 */
class ReportFormatTest {

  private final ReportFormat english = new ReportFormat(Locale.ENGLISH);
  private final ReportFormat vietnamese = new ReportFormat(Locale.forLanguageTag("vi"));

  @Test
  void statisticsHaveOneDecimalRoundedHalfUp() {
    assertThat(english.statistic(new BigDecimal("57.5"))).isEqualTo("57.5");
    assertThat(english.statistic(new BigDecimal("20.215"))).isEqualTo("20.2");
    assertThat(english.statistic(new BigDecimal("38.3333"))).isEqualTo("38.3");
    assertThat(english.statistic(new BigDecimal("7.1666667"))).isEqualTo("7.2");
    assertThat(english.statistic(new BigDecimal("0.05"))).isEqualTo("0.1");
    assertThat(english.statistic(new BigDecimal("58"))).isEqualTo("58.0");
    assertThat(english.statistic(null)).isEqualTo("–");
  }

  @Test
  void vietnameseUsesADecimalComma() {
    assertThat(vietnamese.statistic(new BigDecimal("57.5"))).isEqualTo("57,5");
    assertThat(vietnamese.recorded(new BigDecimal("18.32"))).isEqualTo("18,32");
    assertThat(vietnamese.countPercent(5, 6)).isEqualTo("5 (83,3)");
    assertThat(vietnamese.meanSd(new BigDecimal("57.5"), new BigDecimal("6.348")))
        .isEqualTo("57,5 (6,3)");
  }

  @Test
  void composites() {
    assertThat(english.countPercent(5, 6)).isEqualTo("5 (83.3)");
    assertThat(english.countPercent(0, 6)).isEqualTo("0 (0.0)");
    assertThat(english.countPercent(0, 0)).isEqualTo("0");
    assertThat(english.meanSd(new BigDecimal("57.5"), new BigDecimal("6.348228")))
        .isEqualTo("57.5 (6.3)");
    assertThat(
            english.medianQuartiles(
                new BigDecimal("58"), new BigDecimal("55.25"), new BigDecimal("61.5")))
        .isEqualTo("58.0 (55.3, 61.5)");
    assertThat(
            vietnamese.medianQuartiles(
                new BigDecimal("58"), new BigDecimal("55.25"), new BigDecimal("61.5")))
        .as("a decimal comma: the quartiles separated by a semicolon (issue 14)")
        .isEqualTo("58,0 (55,3; 61,5)");
    assertThat(english.range(new BigDecimal("47"), new BigDecimal("65"))).isEqualTo("47–65");
    assertThat(english.range(new BigDecimal("18.320"), new BigDecimal("22.29")))
        .isEqualTo("18.32–22.29");
  }

  @Test
  void recordedValuesKeepTheirOwnDecimals() {
    assertThat(english.recorded(new BigDecimal("45"))).isEqualTo("45");
    assertThat(english.recorded(new BigDecimal("4.5E+1"))).isEqualTo("45");
    assertThat(english.recorded(new BigDecimal("22.30"))).isEqualTo("22.3");
    assertThat(english.recorded(new BigDecimal("-1.50"))).isEqualTo("-1.5");
  }
}
