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
 * The SD is exact up to its one division and square root: from the sums of the values and of their
 * squares, {@code (n·Σx² − (Σx)²) / (n(n − 1))}, with no pass over the deviations from a rounded
 * mean.
 */
final class ValueCounts {

  private static final MathContext PRECISION = MathContext.DECIMAL128;

  /** One distinct value, as a decimal and (when {@link #whole}) in units of the finest decimal. */
  private record Entry(BigDecimal value, long whole, long count) {}

  private Entry[] entries = new Entry[16];
  private int size;

  void add(BigDecimal value, long count) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size++] = new Entry(value, 0, count);
  }

  ContinuousStatistics statistics() {
    long n = 0;
    for (int i = 0; i < size; i++) {
      n += entries[i].count();
    }
    if (n == 0) {
      return ContinuousStatistics.EMPTY;
    }
    int scale = 0;
    for (int i = 0; i < size; i++) {
      scale = Math.max(scale, entries[i].value().scale());
    }
    Entry[] sorted = sortedDistinct(scale);
    boolean whole = sorted != null;
    if (!whole) {
      sorted = sortedDistinct();
    }

    BigDecimal sum = null;
    BigDecimal squares = null;
    if (whole) {
      try {
        long sumWhole = 0;
        long squaresWhole = 0;
        for (Entry entry : sorted) {
          sumWhole = Math.addExact(sumWhole, Math.multiplyExact(entry.whole(), entry.count()));
          squaresWhole =
              Math.addExact(
                  squaresWhole,
                  Math.multiplyExact(
                      Math.multiplyExact(entry.whole(), entry.whole()), entry.count()));
        }
        sum = BigDecimal.valueOf(sumWhole, scale);
        squares = BigDecimal.valueOf(squaresWhole, 2 * scale);
      } catch (ArithmeticException overflow) {
        sum = null;
      }
    }
    if (sum == null) {
      sum = BigDecimal.ZERO;
      squares = BigDecimal.ZERO;
      for (Entry entry : sorted) {
        BigDecimal times = BigDecimal.valueOf(entry.count());
        sum = sum.add(entry.value().multiply(times));
        squares = squares.add(entry.value().multiply(entry.value()).multiply(times));
      }
    }
    BigDecimal count = BigDecimal.valueOf(n);
    BigDecimal mean = sum.divide(count, PRECISION);
    BigDecimal sd = null;
    if (n > 1) {
      BigDecimal spread = count.multiply(squares).subtract(sum.multiply(sum));
      sd =
          spread
              .max(BigDecimal.ZERO)
              .divide(count.multiply(BigDecimal.valueOf(n - 1)), PRECISION)
              .sqrt(PRECISION);
    }
    long[] through = new long[sorted.length];
    long seen = 0;
    for (int i = 0; i < sorted.length; i++) {
      seen += sorted[i].count();
      through[i] = seen;
    }
    return new ContinuousStatistics(
        n,
        mean,
        sd,
        quantile(sorted, through, n, new BigDecimal("0.5")),
        quantile(sorted, through, n, new BigDecimal("0.25")),
        quantile(sorted, through, n, new BigDecimal("0.75")),
        sorted[0].value(),
        sorted[sorted.length - 1].value());
  }

  /**
   * The distinct values in order, each with its whole number of {@code scale} decimals, or null
   * when one does not fit a {@code long}.
   */
  private Entry[] sortedDistinct(int scale) {
    Entry[] keyed = new Entry[size];
    for (int i = 0; i < size; i++) {
      Entry entry = entries[i];
      try {
        keyed[i] =
            new Entry(
                entry.value(), entry.value().movePointRight(scale).longValueExact(), entry.count());
      } catch (ArithmeticException tooLarge) {
        return null;
      }
    }
    Arrays.sort(keyed, Comparator.comparingLong(Entry::whole));
    return merged(keyed, (a, b) -> a.whole() == b.whole());
  }

  /** The distinct values in order, compared as decimals. */
  private Entry[] sortedDistinct() {
    Entry[] copy = Arrays.copyOf(entries, size);
    Arrays.sort(copy, Comparator.comparing(Entry::value));
    return merged(copy, (a, b) -> a.value().compareTo(b.value()) == 0);
  }

  private interface Same {
    boolean test(Entry a, Entry b);
  }

  /** Equal neighbours as one value (the first one's decimal), their counts added. */
  private static Entry[] merged(Entry[] sorted, Same same) {
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (sorted[i].count() == 0) {
        continue;
      }
      if (distinct > 0 && same.test(sorted[distinct - 1], sorted[i])) {
        Entry last = sorted[distinct - 1];
        sorted[distinct - 1] =
            new Entry(last.value(), last.whole(), last.count() + sorted[i].count());
      } else {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  /** Type 7: h = (n − 1)p, between the values at positions ⌊h⌋ and ⌊h⌋ + 1 (0-based, sorted). */
  private static BigDecimal quantile(Entry[] sorted, long[] through, long n, BigDecimal p) {
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
  private static BigDecimal valueAt(Entry[] sorted, long[] through, long position) {
    int found = Arrays.binarySearch(through, position + 1);
    int index = found >= 0 ? found : -found - 1;
    if (index >= sorted.length) {
      throw new IllegalArgumentException("No value at " + position);
    }
    return sorted[index].value();
  }
}
