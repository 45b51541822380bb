package org.caseregistry.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The descriptive statistics of the report tables, in plain Java: mean, standard deviation with n −
 * 1, and quantiles by linear interpolation between order statistics (Hyndman and Fan type 7: R's
 * default, PostgreSQL's {@code percentile_cont}), so that the database and this class agree.
 */
final class Statistics {

  private static final MathContext CONTEXT = MathContext.DECIMAL64;

  private Statistics() {}

  /** Count, mean, SD, median, quartiles and range of the values that are there (nulls skipped). */
  static ContinuousStatistics describe(Collection<? extends Number> values) {
    List<BigDecimal> sorted = new ArrayList<>();
    for (Number value : values) {
      if (value != null) {
        sorted.add(
            value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString()));
      }
    }
    sorted.sort(null);
    if (sorted.isEmpty()) {
      return ContinuousStatistics.EMPTY;
    }
    return new ContinuousStatistics(
        sorted.size(),
        mean(sorted),
        standardDeviation(sorted),
        quantileOfSorted(sorted, new BigDecimal("0.5")),
        quantileOfSorted(sorted, new BigDecimal("0.25")),
        quantileOfSorted(sorted, new BigDecimal("0.75")),
        sorted.get(0),
        sorted.get(sorted.size() - 1));
  }

  /** The arithmetic mean, or null without values. */
  static BigDecimal mean(List<BigDecimal> values) {
    List<BigDecimal> present = values.stream().filter(Objects::nonNull).toList();
    if (present.isEmpty()) {
      return null;
    }
    return sum(present).divide(BigDecimal.valueOf(present.size()), CONTEXT);
  }

  /** The sample standard deviation (denominator n − 1), or null with fewer than two values. */
  static BigDecimal standardDeviation(List<BigDecimal> values) {
    List<BigDecimal> present = values.stream().filter(Objects::nonNull).toList();
    if (present.size() < 2) {
      return null;
    }
    BigDecimal mean = mean(present);
    BigDecimal squares = BigDecimal.ZERO;
    for (BigDecimal value : present) {
      BigDecimal deviation = value.subtract(mean);
      squares = squares.add(deviation.multiply(deviation));
    }
    return squares.divide(BigDecimal.valueOf(present.size() - 1L), CONTEXT).sqrt(CONTEXT);
  }

  /** The p-quantile (0 ≤ p ≤ 1), type 7; null without values. */
  static BigDecimal quantile(List<BigDecimal> values, BigDecimal p) {
    if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("p must lie between 0 and 1: " + p);
    }
    List<BigDecimal> sorted = new ArrayList<>(values.stream().filter(Objects::nonNull).toList());
    sorted.sort(null);
    return sorted.isEmpty() ? null : quantileOfSorted(sorted, p);
  }

  private static BigDecimal quantileOfSorted(List<BigDecimal> sorted, BigDecimal p) {
    // h = (n − 1) p; the quantile lies between the order statistics floor(h) and floor(h) + 1.
    BigDecimal h = p.multiply(BigDecimal.valueOf(sorted.size() - 1L));
    int low = h.setScale(0, RoundingMode.FLOOR).intValueExact();
    BigDecimal fraction = h.subtract(BigDecimal.valueOf(low));
    BigDecimal lower = sorted.get(low);
    if (fraction.signum() == 0 || low + 1 >= sorted.size()) {
      return lower;
    }
    return lower.add(fraction.multiply(sorted.get(low + 1).subtract(lower)), CONTEXT);
  }

  /** k of n as a percentage, or null when n is 0. */
  static BigDecimal percent(long k, long n) {
    if (n == 0) {
      return null;
    }
    return BigDecimal.valueOf(k)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(n), CONTEXT);
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal value : values) {
      sum = sum.add(value);
    }
    return sum;
  }
}
