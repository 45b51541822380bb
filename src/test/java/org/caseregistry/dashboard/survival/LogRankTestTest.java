package org.caseregistry.dashboard.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The log-rank test against Kleinbaum and Klein's 6-MP versus placebo comparison (chapter 2). */
class LogRankTestTest {

  /*
   * Hand computation over the 17 distinct event times of the pooled data (n1, n2 at risk in 6-MP
   * and placebo; d1, d2 events; e1 = d·n1/n; v = d(n−d)/(n−1)·n1·n2/n²):
   *
   *   t   n1 n2 d1 d2   e1      v          t   n1 n2 d1 d2   e1      v
   *   1   21 21  0  2  1.0000  0.4878      11  13  8  0  2  1.2381  0.4481
   *   2   21 19  0  2  1.0500  0.4860      12  12  6  0  2  1.3333  0.4183
   *   3   21 17  0  1  0.5526  0.2472      13  12  4  1  0  0.7500  0.1875
   *   4   21 16  0  2  1.1351  0.4772      15  11  4  0  1  0.7333  0.1956
   *   5   21 14  0  2  1.2000  0.4659      16  11  3  1  0  0.7857  0.1684
   *   6   21 12  3  0  1.9091  0.6508      17  10  3  0  1  0.7692  0.1775
   *   7   17 12  1  0  0.5862  0.2426      22   7  2  1  1  1.5556  0.3025
   *   8   16 12  0  4  2.2857  0.8707      23   6  1  1  1  1.7143  0.2041
   *   10  15  8  1  0  0.6522  0.2268
   *
   *   O1 = 9, E1 = 19.2505, O2 = 21, E2 = 30 − 19.2505 = 10.7495, Var = 6.2570;
   *   chi-square = (9 − 19.2505)² / 6.2570 = 105.073 / 6.2570 = 16.79 with 1 df;
   *   p = P(χ²₁ ≥ 16.79) = erfc(√(16.79/2)) = 4.17e-5 < 0.0001, as printed.
   */
  @Test
  void sixMpAgainstPlacebo() {
    LogRankTest.Result result =
        LogRankTest.compare(List.of(RemissionData.sixMp(), RemissionData.placebo())).orElseThrow();
    assertThat(result.observed()).containsExactly(9, 21);
    assertThat(result.expected()[0]).isCloseTo(19.25, within(0.005));
    assertThat(result.expected()[1]).isCloseTo(10.75, within(0.005));
    assertThat(result.chiSquare()).isCloseTo(16.79, within(0.005));
    assertThat(result.degreesOfFreedom()).isEqualTo(1);
    assertThat(result.pValue()).isLessThan(0.0001).isCloseTo(4.17e-5, within(0.005e-5));
  }

  @Test
  void theOrderOfTheGroupsDoesNotMatter() {
    LogRankTest.Result swapped =
        LogRankTest.compare(List.of(RemissionData.placebo(), RemissionData.sixMp())).orElseThrow();
    assertThat(swapped.chiSquare()).isCloseTo(16.79, within(0.005));
    assertThat(swapped.observed()).containsExactly(21, 9);
  }

  /**
   * Three groups (6-MP, and placebo cut in two): 2 df, and the expected counts add up to all
   * events.
   */
  @Test
  void moreThanTwoGroupsHaveGMinusOneDegreesOfFreedom() {
    List<SurvivalTime> placebo = RemissionData.placebo();
    LogRankTest.Result result =
        LogRankTest.compare(
                List.of(RemissionData.sixMp(), placebo.subList(0, 10), placebo.subList(10, 21)))
            .orElseThrow();
    assertThat(result.degreesOfFreedom()).isEqualTo(2);
    assertThat(result.observed()).containsExactly(9, 10, 11);
    assertThat(result.expected()[0] + result.expected()[1] + result.expected()[2])
        .isCloseTo(30.0, within(1e-9));
    assertThat(result.pValue()).isBetween(0.0, 1.0);
    assertThat(result.chiSquare()).isGreaterThan(16.79);
  }

  @Test
  void nothingToCompare() {
    assertThat(LogRankTest.compare(List.of(RemissionData.sixMp()))).isEmpty();
    assertThat(
            LogRankTest.compare(
                List.of(List.of(SurvivalTime.censored(3)), List.of(SurvivalTime.censored(4)))))
        .isEmpty();
  }
}
