package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Statistics from per-value counts equal those computed case by case (R's type 7 quartiles). */
class ValueCountsTest {

  @Test
  void quartilesFollowRType7() {
    // R: quantile(c(1, 2, 3, 4, 10), type = 7) gives 2, 3, 4; mean 4, sd 3.535534.
    ValueCounts counts = new ValueCounts();
    for (int value : new int[] {10, 1, 3, 2, 4}) {
      counts.add(BigDecimal.valueOf(value), 1);
    }
    ContinuousStatistics s = counts.statistics();
    assertThat(s.n()).isEqualTo(5);
    assertThat(s.q1()).isEqualByComparingTo("2");
    assertThat(s.median()).isEqualByComparingTo("3");
    assertThat(s.q3()).isEqualByComparingTo("4");
    assertThat(s.mean()).isEqualByComparingTo("4");
    assertThat(s.sd().doubleValue()).isCloseTo(3.5355339, offset(1e-6));
    assertThat(s.min()).isEqualByComparingTo("1");
    assertThat(s.max()).isEqualByComparingTo("10");
  }

  @Test
  void interpolatesBetweenRepeatedValues() {
    // 1, 1, 1, 2: h = 0.75 (q1) → 1; median h = 1.5 → 1; q3 h = 2.25 → 1.25.
    ValueCounts counts = new ValueCounts();
    counts.add(BigDecimal.ONE, 3);
    counts.add(BigDecimal.valueOf(2), 1);
    ContinuousStatistics s = counts.statistics();
    assertThat(s.q1()).isEqualByComparingTo("1");
    assertThat(s.median()).isEqualByComparingTo("1");
    assertThat(s.q3()).isEqualByComparingTo("1.25");
  }

  @Test
  void agreesWithSortingEveryValueOnRandomData() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(60);
      List<BigDecimal> values = new ArrayList<>();
      ValueCounts counts = new ValueCounts();
      for (int i = 0; i < n; i++) {
        BigDecimal value = BigDecimal.valueOf(random.nextInt(400) - 100, random.nextInt(3));
        values.add(value);
        counts.add(value, 1);
      }
      Collections.sort(values);
      ContinuousStatistics s = counts.statistics();
      for (double p : new double[] {0.25, 0.5, 0.75}) {
        double h = (n - 1) * p;
        int low = (int) Math.floor(h);
        double expected =
            values.get(low).doubleValue()
                + (h - low)
                    * (values.get(Math.min(low + 1, n - 1)).doubleValue()
                        - values.get(low).doubleValue());
        BigDecimal actual = p == 0.25 ? s.q1() : p == 0.5 ? s.median() : s.q3();
        assertThat(actual.doubleValue()).isCloseTo(expected, offset(1e-9));
      }
      assertThat(s.min()).isEqualByComparingTo(values.get(0));
      assertThat(s.max()).isEqualByComparingTo(values.get(n - 1));
      double mean = values.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
      assertThat(s.mean().doubleValue()).isCloseTo(mean, offset(1e-9));
      if (n == 1) {
        assertThat(s.sd()).isNull();
      } else {
        double squares =
            values.stream().mapToDouble(v -> Math.pow(v.doubleValue() - mean, 2)).sum();
        assertThat(s.sd().doubleValue()).isCloseTo(Math.sqrt(squares / (n - 1)), offset(1e-9));
      }
    }
  }

  @Test
  void valuesTooLargeForWholeNumbersAreComparedAsDecimals() {
    // 1e30 does not fit a long: the same statistics from decimal arithmetic.
    ValueCounts counts = new ValueCounts();
    counts.add(new BigDecimal("1E+30"), 1);
    counts.add(new BigDecimal("3E+30"), 1);
    counts.add(new BigDecimal("2.5"), 2);
    counts.add(new BigDecimal("2.50"), 1);
    ContinuousStatistics s = counts.statistics();
    assertThat(s.n()).isEqualTo(5);
    assertThat(s.min()).isEqualByComparingTo("2.5");
    assertThat(s.median()).isEqualByComparingTo("2.5");
    assertThat(s.q3()).isEqualByComparingTo("1E+30");
    assertThat(s.max()).isEqualByComparingTo("3E+30");
    assertThat(s.mean()).isEqualByComparingTo("8.000000000000000000000000000015E+29");
  }

  @Test
  void equalValuesOfDifferentScalesAreOneValue() {
    ValueCounts counts = new ValueCounts();
    counts.add(new BigDecimal("1.5"), 1);
    counts.add(new BigDecimal("1.50"), 1);
    counts.add(new BigDecimal("2"), 0);
    counts.add(new BigDecimal("3"), 2);
    ContinuousStatistics s = counts.statistics();
    assertThat(s.n()).isEqualTo(4);
    assertThat(s.median()).isEqualByComparingTo("2.25");
    assertThat(s.sd().doubleValue()).isCloseTo(0.8660254, offset(1e-6));
  }
}
