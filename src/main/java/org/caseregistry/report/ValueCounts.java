package org.caseregistry.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics of a continuous variable from how often each value occurs, as the database counts
 * them with one GROUP BY: n, mean, sample SD, type-7 quartiles (R's default, as PostgreSQL's {@code
 * percentile_cont}), range. Exact decimal arithmetic; a column of 80,000 cases has at most a few
 * thousand distinct values, so nothing needs sorting case by case.
 */
final class ValueCounts {

  private static final MathContext PRECISION = MathContext.DECIMAL128;

  private final TreeMap<BigDecimal, Long> counts = new TreeMap<>();

  void add(BigDecimal value, long count) {
    counts.merge(value, count, Long::sum);
  }

  ContinuousStatistics statistics() {
    long n = counts.values().stream().mapToLong(Long::longValue).sum();
    if (n == 0) {
      return ContinuousStatistics.EMPTY;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<BigDecimal, Long> entry : counts.entrySet()) {
      sum = sum.add(entry.getKey().multiply(BigDecimal.valueOf(entry.getValue())));
    }
    BigDecimal mean = sum.divide(BigDecimal.valueOf(n), PRECISION);
    BigDecimal sd = null;
    if (n > 1) {
      BigDecimal squares = BigDecimal.ZERO;
      for (Map.Entry<BigDecimal, Long> entry : counts.entrySet()) {
        BigDecimal deviation = entry.getKey().subtract(mean);
        squares =
            squares.add(
                deviation.multiply(deviation).multiply(BigDecimal.valueOf(entry.getValue())));
      }
      sd = squares.divide(BigDecimal.valueOf(n - 1), PRECISION).sqrt(PRECISION);
    }
    return new ContinuousStatistics(
        n,
        mean,
        sd,
        quantile(n, new BigDecimal("0.5")),
        quantile(n, new BigDecimal("0.25")),
        quantile(n, new BigDecimal("0.75")),
        counts.firstKey(),
        counts.lastKey());
  }

  /** Type 7: h = (n − 1)p, between the values at positions ⌊h⌋ and ⌊h⌋ + 1 (0-based, sorted). */
  private BigDecimal quantile(long n, BigDecimal p) {
    BigDecimal h = BigDecimal.valueOf(n - 1).multiply(p);
    long low = h.setScale(0, RoundingMode.FLOOR).longValueExact();
    BigDecimal fraction = h.subtract(BigDecimal.valueOf(low));
    BigDecimal lower = valueAt(low);
    BigDecimal result =
        fraction.signum() == 0 || low + 1 >= n
            ? lower
            : lower.add(valueAt(low + 1).subtract(lower).multiply(fraction));
    // As the SQL did: ten decimals, no binary noise.
    return result.setScale(10, RoundingMode.HALF_UP);
  }

  private BigDecimal valueAt(long position) {
    long seen = 0;
    for (Map.Entry<BigDecimal, Long> entry : counts.entrySet()) {
      seen += entry.getValue();
      if (position < seen) {
        return entry.getKey();
      }
    }
    throw new IllegalArgumentException("No value at " + position);
  }
}
