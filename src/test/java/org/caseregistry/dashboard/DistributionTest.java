package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.SortedMap;
import java.util.TreeMap;
import org.caseregistry.dashboard.DashboardData.Distribution;
import org.junit.jupiter.api.Test;

/** Quartiles and bins from counts per value, as PostgreSQL's percentile_cont would give them. */
class DistributionTest {

  private static SortedMap<BigDecimal, Integer> counts(Object... valueAndCount) {
    SortedMap<BigDecimal, Integer> counts = new TreeMap<>();
    for (int i = 0; i < valueAndCount.length; i += 2) {
      counts.put(new BigDecimal(valueAndCount[i].toString()), (Integer) valueAndCount[i + 1]);
    }
    return counts;
  }

  @Test
  void quartilesInterpolateBetweenOrderStatistics() {
    // 1, 2, 3, 4: percentile_cont gives 1.75, 2.5, 3.25
    Distribution d = Distribution.of(counts(1, 1, 2, 1, 3, 1, 4, 1), 2, new double[] {2, 4});
    assertThat(d.known()).isEqualTo(4);
    assertThat(d.missing()).isEqualTo(2);
    assertThat(d.mean()).isEqualTo(2.5);
    assertThat(d.q1()).isEqualTo(1.75);
    assertThat(d.median()).isEqualTo(2.5);
    assertThat(d.q3()).isEqualTo(3.25);
    assertThat(d.min()).isEqualTo(1.0);
    assertThat(d.max()).isEqualTo(4.0);
    assertThat(d.bins()).containsExactly(1, 2, 1);
  }

  @Test
  void repeatedValuesCountOncePerCase() {
    // 20.9 ×3, 22.6, 41.8 ×2: sorted 20.9 20.9 20.9 22.6 41.8 41.8
    Distribution d =
        Distribution.of(counts("20.9", 3, "22.6", 1, "41.8", 2), 0, DashboardQueries.CCI_BOUNDS);
    assertThat(d.q1()).isEqualTo(20.9, within(1e-9));
    assertThat(d.median()).isEqualTo((20.9 + 22.6) / 2, within(1e-9));
    assertThat(d.q3()).isEqualTo(22.6 + 0.75 * (41.8 - 22.6), within(1e-9));
    assertThat(d.mean()).isEqualTo((3 * 20.9 + 22.6 + 2 * 41.8) / 6, within(1e-9));
    assertThat(d.bins()).containsExactly(0, 0, 4, 2, 0, 0, 0);
  }

  @Test
  void boundsBelongToTheBinTheyOpenAndNothingKnownGivesNoFigures() {
    Distribution zero =
        Distribution.of(counts("0.0", 5, "100.0", 1), 0, DashboardQueries.CCI_BOUNDS);
    assertThat(zero.bins()).containsExactly(5, 0, 0, 0, 0, 0, 1);
    Distribution single = Distribution.of(counts(7, 1), 0, new double[] {8});
    assertThat(single.q1()).isEqualTo(7.0);
    assertThat(single.q3()).isEqualTo(7.0);
    Distribution none = Distribution.of(new TreeMap<>(), 3, new double[] {8});
    assertThat(none.known()).isZero();
    assertThat(none.missing()).isEqualTo(3);
    assertThat(none.mean()).isNull();
    assertThat(none.median()).isNull();
    assertThat(none.bins()).containsExactly(0, 0);
  }
}
