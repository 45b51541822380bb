package org.caseregistry.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The statistics of a continuous variable from how often each value occurs, as the database counts
 * them with one GROUP BY: n, mean, sample SD, type-7 quartiles (R's default, as PostgreSQL's {@code
 * percentile_cont}), range. Exact decimal arithmetic; a column of 80,000 cases has at most a few
 * thousand distinct values per site, so nothing needs sorting case by case.
 *
 * <p>The counts are gathered as they come and sorted once, when the statistics are asked: the
 * values as whole numbers of their finest decimal (BMI 23.4 as 234 tenths) whenever they fit a
 * {@code long}, so that sorting and the sums are primitive arithmetic, and as decimals otherwise.
 * Equal values (1.5 and 1.50) are one, shown as the first one added. The SD is exact up to its one
 * division and square root: from the sums of the values and of their squares, {@code (n·Σx² −
 * (Σx)²) / (n(n − 1))}, with no pass over the deviations from a rounded mean.
 */
final class ValueCounts {

  private static final MathContext PRECISION = MathContext.DECIMAL128;

  private BigDecimal[] values = new BigDecimal[16];
  private long[] counts = new long[16];
  private int size;

  void add(BigDecimal value, long count) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    values[size] = value;
    counts[size++] = count;
  }

  /**
   * The distinct values in ascending order with how often each occurs (none with a count of 0);
   * {@code wholes} the same values in units of {@code scale} decimals, or null when they are
   * decimals only.
   */
  private record Sorted(BigDecimal[] values, long[] counts, long[] wholes, int scale) {

    int size() {
      return values.length;
    }
  }

  ContinuousStatistics statistics() {
    long n = 0;
    for (int i = 0; i < size; i++) {
      n += counts[i];
    }
    if (n == 0) {
      return ContinuousStatistics.EMPTY;
    }
    Sorted sorted = sortedAsWholes();
    if (sorted == null) {
      sorted = sortedAsDecimals();
    }
    BigDecimal[] sums = wholeSums(sorted);
    if (sums == null) {
      sums = decimalSums(sorted);
    }
    BigDecimal sum = sums[0];
    BigDecimal squares = sums[1];
    BigDecimal count = BigDecimal.valueOf(n);
    BigDecimal mean = sum.divide(count, PRECISION);
    BigDecimal sd = null;
    if (n > 1) {
      BigDecimal spread = count.multiply(squares).subtract(sum.multiply(sum));
      sd = spread.divide(count.multiply(BigDecimal.valueOf(n - 1)), PRECISION).sqrt(PRECISION);
    }
    long[] through = new long[sorted.size()];
    long seen = 0;
    for (int i = 0; i < sorted.size(); i++) {
      seen += sorted.counts()[i];
      through[i] = seen;
    }
    return new ContinuousStatistics(
        n,
        mean,
        sd,
        quantile(sorted, through, n, new BigDecimal("0.5")),
        quantile(sorted, through, n, new BigDecimal("0.25")),
        quantile(sorted, through, n, new BigDecimal("0.75")),
        sorted.values()[0],
        sorted.values()[sorted.size() - 1]);
  }

  /** Sorted as whole numbers of the finest decimal; null when one does not fit a {@code long}. */
  private Sorted sortedAsWholes() {
    int scale = 0;
    for (int i = 0; i < size; i++) {
      scale = Math.max(scale, values[i].scale());
    }
    long[] wholes = new long[size];
    try {
      for (int i = 0; i < size; i++) {
        wholes[i] = values[i].movePointRight(scale).longValueExact();
      }
    } catch (ArithmeticException tooLarge) {
      return null;
    }
    long[] distinct = wholes.clone();
    Arrays.sort(distinct);
    int m = 0;
    for (int i = 0; i < distinct.length; i++) {
      if (m == 0 || distinct[m - 1] != distinct[i]) {
        distinct[m++] = distinct[i];
      }
    }
    long[] distinctCounts = new long[m];
    BigDecimal[] distinctValues = new BigDecimal[m];
    for (int i = 0; i < size; i++) {
      int at = Arrays.binarySearch(distinct, 0, m, wholes[i]);
      distinctCounts[at] += counts[i];
      if (distinctValues[at] == null) {
        distinctValues[at] = values[i];
      }
    }
    int kept = 0;
    for (int i = 0; i < m; i++) {
      if (distinctCounts[i] != 0) {
        distinct[kept] = distinct[i];
        distinctCounts[kept] = distinctCounts[i];
        distinctValues[kept++] = distinctValues[i];
      }
    }
    return new Sorted(
        Arrays.copyOf(distinctValues, kept),
        Arrays.copyOf(distinctCounts, kept),
        Arrays.copyOf(distinct, kept),
        scale);
  }

  /** Sorted as decimals (values beyond a {@code long}). */
  private Sorted sortedAsDecimals() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> values[i]));
    BigDecimal[] distinctValues = new BigDecimal[size];
    long[] distinctCounts = new long[size];
    int m = 0;
    for (int i : order) {
      if (counts[i] == 0) {
        continue;
      }
      if (m > 0 && distinctValues[m - 1].compareTo(values[i]) == 0) {
        distinctCounts[m - 1] += counts[i];
      } else {
        distinctValues[m] = values[i];
        distinctCounts[m++] = counts[i];
      }
    }
    return new Sorted(Arrays.copyOf(distinctValues, m), Arrays.copyOf(distinctCounts, m), null, 0);
  }

  /** Σ c·x and Σ c·x², exact, in {@code long} arithmetic; null when they overflow it. */
  private static BigDecimal[] wholeSums(Sorted sorted) {
    if (sorted.wholes() == null) {
      return null;
    }
    long sum = 0;
    long squares = 0;
    try {
      for (int i = 0; i < sorted.size(); i++) {
        long whole = sorted.wholes()[i];
        long count = sorted.counts()[i];
        sum = Math.addExact(sum, Math.multiplyExact(whole, count));
        squares =
            Math.addExact(squares, Math.multiplyExact(Math.multiplyExact(whole, whole), count));
      }
    } catch (ArithmeticException overflow) {
      return null;
    }
    return new BigDecimal[] {
      BigDecimal.valueOf(sum, sorted.scale()), BigDecimal.valueOf(squares, 2 * sorted.scale())
    };
  }

  /** Σ c·x and Σ c·x², exact, in decimals. */
  private static BigDecimal[] decimalSums(Sorted sorted) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal squares = BigDecimal.ZERO;
    for (int i = 0; i < sorted.size(); i++) {
      BigDecimal value = sorted.values()[i];
      BigDecimal count = BigDecimal.valueOf(sorted.counts()[i]);
      sum = sum.add(value.multiply(count));
      squares = squares.add(value.multiply(value).multiply(count));
    }
    return new BigDecimal[] {sum, squares};
  }

  /** Type 7: h = (n − 1)p, between the values at positions ⌊h⌋ and ⌊h⌋ + 1 (0-based, sorted). */
  private static BigDecimal quantile(Sorted sorted, long[] through, long n, BigDecimal p) {
    BigDecimal h = BigDecimal.valueOf(n - 1).multiply(p);
    long low = h.setScale(0, RoundingMode.FLOOR).longValueExact();
    BigDecimal fraction = h.subtract(BigDecimal.valueOf(low));
    BigDecimal lower = valueAt(sorted, through, low);
    BigDecimal result =
        fraction.signum() == 0 || low + 1 >= n
            ? lower
            : lower.add(valueAt(sorted, through, low + 1).subtract(lower).multiply(fraction));
    // As the SQL did: ten decimals, no binary noise.
    return result.setScale(10, RoundingMode.HALF_UP);
  }

  /** The value at this 0-based position of the sorted cases: the first whose counts pass it. */
  private static BigDecimal valueAt(Sorted sorted, long[] through, long position) {
    int found = Arrays.binarySearch(through, position + 1);
    int index = found >= 0 ? found : -found - 1;
    if (index >= sorted.size()) {
      throw new IllegalArgumentException("No value at " + position);
    }
    return sorted.values()[index];
  }
}
