package org.caseregistry.dashboard.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiSquareDistributionTest {

  /**
   * Textbook critical values: P(χ²₁ ≥ 3.8415) = 0.05, P(χ²₂ ≥ 5.9915) = 0.05, P(χ²₃ ≥ 7.8147) =
   * 0.05.
   */
  @Test
  void criticalValuesOfTheTables() {
    assertThat(ChiSquareDistribution.upperTail(3.841458820694124, 1))
        .isCloseTo(0.05, within(1e-12));
    assertThat(ChiSquareDistribution.upperTail(5.991464547107979, 2))
        .isCloseTo(0.05, within(1e-12));
    assertThat(ChiSquareDistribution.upperTail(7.814727903251178, 3))
        .isCloseTo(0.05, within(1e-12));
    assertThat(ChiSquareDistribution.upperTail(6.634896601021214, 1))
        .isCloseTo(0.01, within(1e-12));
  }

  /**
   * Closed forms: one df, P = erfc(√(x/2)); two df, P = exp(−x/2); four df, P = exp(−x/2)(1 + x/2).
   */
  @Test
  void closedForms() {
    // erfc(√(16.79/2)) = 4.17527513891979e-05
    assertThat(ChiSquareDistribution.upperTail(16.79, 1))
        .isCloseTo(4.17527513891979e-05, within(1e-15));
    // erfc(√0.0005) = 0.974772879369960
    assertThat(ChiSquareDistribution.upperTail(0.001, 1))
        .isCloseTo(0.974772879369960, within(1e-13));
    // erfc(√50) = 1.52397060483210e-23
    assertThat(ChiSquareDistribution.upperTail(100, 1) / 1.52397060483210e-23)
        .isCloseTo(1.0, within(1e-10));
    for (double x : new double[] {0.1, 1, 2.5, 10, 40}) {
      assertThat(ChiSquareDistribution.upperTail(x, 2)).isCloseTo(Math.exp(-x / 2), within(1e-14));
      assertThat(ChiSquareDistribution.upperTail(x, 4))
          .isCloseTo(Math.exp(-x / 2) * (1 + x / 2), within(1e-14));
    }
    // P(χ²₃ ≥ 1) = 0.801251956901201, P(χ²₅ ≥ 10) = 0.0752352461465122
    assertThat(ChiSquareDistribution.upperTail(1, 3)).isCloseTo(0.801251956901201, within(1e-13));
    assertThat(ChiSquareDistribution.upperTail(10, 5)).isCloseTo(0.0752352461465122, within(1e-13));
  }

  @Test
  void edges() {
    assertThat(ChiSquareDistribution.upperTail(0, 1)).isEqualTo(1.0);
    assertThat(ChiSquareDistribution.logGamma(1)).isCloseTo(0, within(1e-14));
    assertThat(ChiSquareDistribution.logGamma(0.5))
        .isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-14));
    assertThat(ChiSquareDistribution.logGamma(10)).isCloseTo(Math.log(362880), within(1e-12));
  }
}
