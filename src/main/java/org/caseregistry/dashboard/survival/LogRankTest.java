package org.caseregistry.dashboard.survival;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The log-rank test of equal survival in two or more groups (Mantel 1966; Peto and Peto 1972).
 *
 * <p>At each distinct event time t<sub>j</sub> of the pooled data, with n<sub>j</sub> at risk and
 * d<sub>j</sub> events in all, group g is expected to have E<sub>gj</sub> = d<sub>j</sub>
 * n<sub>gj</sub>/n<sub>j</sub> events. With U = Σ (O − E) over the first G − 1 groups and its
 * hypergeometric covariance V<sub>gh</sub> = Σ d<sub>j</sub>(n<sub>j</sub> −
 * d<sub>j</sub>)/(n<sub>j</sub> − 1) · n<sub>gj</sub>/n<sub>j</sub> · (δ<sub>gh</sub> −
 * n<sub>hj</sub>/n<sub>j</sub>), the statistic U′V⁻¹U follows a chi-square distribution with G − 1
 * degrees of freedom under the null hypothesis.
 */
public final class LogRankTest {

  private LogRankTest() {}

  /**
   * The outcome of the test.
   *
   * @param observed events per group, in the order the groups were given
   * @param expected expected events per group under equal survival
   * @param chiSquare the statistic
   * @param degreesOfFreedom number of groups − 1
   * @param pValue the upper tail of the chi-square distribution at the statistic
   */
  public record Result(
      int[] observed, double[] expected, double chiSquare, int degreesOfFreedom, double pValue) {}

  /**
   * Compares the groups; empty when there is nothing to compare (fewer than two groups, no event,
   * or no variance).
   */
  public static Optional<Result> compare(List<? extends List<SurvivalTime>> groups) {
    int groupCount = groups.size();
    if (groupCount < 2) {
      return Optional.empty();
    }
    TreeSet<Double> eventTimes = new TreeSet<>();
    for (List<SurvivalTime> group : groups) {
      for (SurvivalTime observation : group) {
        if (observation.events() > 0) {
          eventTimes.add(observation.time());
        }
      }
    }
    if (eventTimes.isEmpty()) {
      return Optional.empty();
    }
    int[] observed = new int[groupCount];
    double[] expected = new double[groupCount];
    double[][] variance = new double[groupCount][groupCount];
    double[] atRisk = new double[groupCount];
    double[] events = new double[groupCount];
    for (double time : eventTimes) {
      double totalAtRisk = 0;
      double totalEvents = 0;
      for (int g = 0; g < groupCount; g++) {
        atRisk[g] = 0;
        events[g] = 0;
        for (SurvivalTime observation : groups.get(g)) {
          if (observation.time() >= time) {
            atRisk[g] += observation.subjects();
          }
          if (observation.time() == time) {
            events[g] += observation.events();
          }
        }
        totalAtRisk += atRisk[g];
        totalEvents += events[g];
      }
      double spread =
          totalAtRisk > 1 ? totalEvents * (totalAtRisk - totalEvents) / (totalAtRisk - 1) : 0;
      for (int g = 0; g < groupCount; g++) {
        observed[g] += (int) events[g];
        expected[g] += totalEvents * atRisk[g] / totalAtRisk;
        for (int h = 0; h < groupCount; h++) {
          double kronecker = g == h ? 1 : 0;
          variance[g][h] +=
              spread * atRisk[g] / totalAtRisk * (kronecker - atRisk[h] / totalAtRisk);
        }
      }
    }
    int k = groupCount - 1;
    double[] difference = new double[k];
    double[][] reduced = new double[k][k];
    for (int g = 0; g < k; g++) {
      difference[g] = observed[g] - expected[g];
      System.arraycopy(variance[g], 0, reduced[g], 0, k);
    }
    double[] solved = solve(reduced, difference);
    if (solved == null) {
      return Optional.empty();
    }
    double chiSquare = 0;
    for (int g = 0; g < k; g++) {
      chiSquare += difference[g] * solved[g];
    }
    return Optional.of(
        new Result(
            observed, expected, chiSquare, k, ChiSquareDistribution.upperTail(chiSquare, k)));
  }

  /** Solves A x = b by Gaussian elimination with partial pivoting; null when A is singular. */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    double[] x = b.clone();
    for (int i = 0; i < n; i++) {
      m[i] = a[i].clone();
    }
    double scale = 0;
    for (double[] row : m) {
      for (double value : row) {
        scale = Math.max(scale, Math.abs(value));
      }
    }
    if (scale == 0) {
      return null;
    }
    for (int column = 0; column < n; column++) {
      int pivot = column;
      for (int row = column + 1; row < n; row++) {
        if (Math.abs(m[row][column]) > Math.abs(m[pivot][column])) {
          pivot = row;
        }
      }
      if (Math.abs(m[pivot][column]) <= 1e-12 * scale) {
        return null;
      }
      double[] swapRow = m[pivot];
      m[pivot] = m[column];
      m[column] = swapRow;
      double swapValue = x[pivot];
      x[pivot] = x[column];
      x[column] = swapValue;
      for (int row = column + 1; row < n; row++) {
        double factor = m[row][column] / m[column][column];
        for (int c = column; c < n; c++) {
          m[row][c] -= factor * m[column][c];
        }
        x[row] -= factor * x[column];
      }
    }
    for (int row = n - 1; row >= 0; row--) {
      double sum = x[row];
      for (int c = row + 1; c < n; c++) {
        sum -= m[row][c] * x[c];
      }
      x[row] = sum / m[row][row];
    }
    return x;
  }
}
