package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure statistics against values worked out by hand and by R (quantile type 7, sd). */
class StatisticsTest {

  private static List<BigDecimal> values(double... numbers) {
    return Arrays.stream(numbers).mapToObj(BigDecimal::valueOf).toList();
  }

  private static BigDecimal rounded(BigDecimal value, int decimals) {
    return value.setScale(decimals, RoundingMode.HALF_UP);
  }

  /** Ages of the seed paper's six patients. */
  private static final List<BigDecimal> AGES = values(62, 56, 55, 60, 47, 65);

  @Test
  void theMeanOfTheSeedAgesIs57Point5() {
    assertThat(Statistics.mean(AGES)).isEqualByComparingTo("57.5");
  }

  @Test
  void theStandardDeviationDividesByNMinusOne() {
    // Squared deviations sum to 201.5; 201.5 / 5 = 40.3; R: sd(c(62,56,55,60,47,65)) = 6.348228
    assertThat(rounded(Statistics.standardDeviation(AGES), 6)).isEqualByComparingTo("6.348228");
    assertThat(Statistics.standardDeviation(values(5))).isNull();
    assertThat(Statistics.standardDeviation(values(3, 3, 3))).isEqualByComparingTo("0");
  }

  @Test
  void quantilesInterpolateLikeRType7AndPercentileCont() {
    // R: quantile(c(62,56,55,60,47,65)) gives 47, 55.25, 58, 61.5, 65
    assertThat(Statistics.quantile(AGES, new BigDecimal("0"))).isEqualByComparingTo("47");
    assertThat(Statistics.quantile(AGES, new BigDecimal("0.25"))).isEqualByComparingTo("55.25");
    assertThat(Statistics.quantile(AGES, new BigDecimal("0.5"))).isEqualByComparingTo("58");
    assertThat(Statistics.quantile(AGES, new BigDecimal("0.75"))).isEqualByComparingTo("61.5");
    assertThat(Statistics.quantile(AGES, BigDecimal.ONE)).isEqualByComparingTo("65");
    // R: quantile(1:10, 0.1) = 1.9; quantile(1:4, 0.5) = 2.5; quantile(c(1, 2, 4, 8), 0.9) = 6.8
    List<BigDecimal> oneToTen = new ArrayList<>();
    for (int i = 10; i >= 1; i--) {
      oneToTen.add(BigDecimal.valueOf(i));
    }
    assertThat(Statistics.quantile(oneToTen, new BigDecimal("0.1"))).isEqualByComparingTo("1.9");
    assertThat(Statistics.quantile(values(1, 2, 3, 4), new BigDecimal("0.5")))
        .isEqualByComparingTo("2.5");
    assertThat(Statistics.quantile(values(1, 2, 4, 8), new BigDecimal("0.9")))
        .isEqualByComparingTo("6.8");
    assertThat(Statistics.quantile(values(7), new BigDecimal("0.25"))).isEqualByComparingTo("7");
    assertThat(Statistics.quantile(List.of(), new BigDecimal("0.5"))).isNull();
    assertThatThrownBy(() -> Statistics.quantile(AGES, new BigDecimal("1.5")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void describeSkipsMissingValuesAndCountsTheRest() {
    List<BigDecimal> withGaps = new ArrayList<>(AGES);
    withGaps.add(null);
    ContinuousStatistics stats = Statistics.describe(withGaps);
    assertThat(stats.n()).isEqualTo(6);
    assertThat(stats.mean()).isEqualByComparingTo("57.5");
    assertThat(stats.median()).isEqualByComparingTo("58");
    assertThat(stats.q1()).isEqualByComparingTo("55.25");
    assertThat(stats.q3()).isEqualByComparingTo("61.5");
    assertThat(stats.min()).isEqualByComparingTo("47");
    assertThat(stats.max()).isEqualByComparingTo("65");
    assertThat(Statistics.describe(List.of())).isEqualTo(ContinuousStatistics.EMPTY);
  }

  @Test
  void theSeedMeansFromTheRows() {
    assertThat(rounded(Statistics.mean(values(18.32, 19.52, 20.43, 22.29, 22.21, 18.52)), 1))
        .isEqualByComparingTo("20.2");
    assertThat(rounded(Statistics.mean(values(45, 40, 40, 40, 35, 30)), 1))
        .isEqualByComparingTo("38.3");
    assertThat(rounded(Statistics.mean(values(4, 6, 4, 5, 4, 4)), 1)).isEqualByComparingTo("4.5");
    assertThat(rounded(Statistics.mean(values(6, 6, 8, 6, 7, 8)), 1)).isEqualByComparingTo("6.8");
    // The paper printed 6.8 for oral intake; its rows give 43 / 6 = 7.17.
    assertThat(rounded(Statistics.mean(values(6, 6, 8, 8, 7, 8)), 1)).isEqualByComparingTo("7.2");
  }

  @Test
  void percentages() {
    assertThat(rounded(Statistics.percent(5, 6), 1)).isEqualByComparingTo("83.3");
    assertThat(Statistics.percent(2, 0)).isNull();
    assertThat(Statistics.percent(0, 4)).isEqualByComparingTo("0");
  }
}
