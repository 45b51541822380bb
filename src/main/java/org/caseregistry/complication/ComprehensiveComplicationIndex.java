package org.caseregistry.complication;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Comprehensive Complication Index of one patient, 0 to 100 with one decimal: √(Σ weights of the
 * Clavien-Dindo grades) / 2, capped at 100; any grade V gives 100, no complication 0.
 */
public record ComprehensiveComplicationIndex(BigDecimal value)
    implements Comparable<ComprehensiveComplicationIndex> {

  private static final BigDecimal MAXIMUM_VALUE = BigDecimal.valueOf(100);

  public static final ComprehensiveComplicationIndex NONE =
      new ComprehensiveComplicationIndex(BigDecimal.ZERO);
  public static final ComprehensiveComplicationIndex MAXIMUM =
      new ComprehensiveComplicationIndex(MAXIMUM_VALUE);

  /**
   * @throws IllegalArgumentException outside 0–100 or with more than one decimal
   */
  public ComprehensiveComplicationIndex {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.compareTo(MAXIMUM_VALUE) > 0) {
      throw new IllegalArgumentException("CCI outside 0–100: " + value);
    }
    try {
      value = value.setScale(1, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("CCI has one decimal: " + value, e);
    }
  }

  /** The index of all complications of one patient, each given by its grade. */
  public static ComprehensiveComplicationIndex of(Collection<ClavienDindoGrade> grades) {
    if (grades.contains(ClavienDindoGrade.V)) {
      return MAXIMUM;
    }
    long sumOfWeights = grades.stream().mapToLong(grade -> grade.cciWeight().orElseThrow()).sum();
    BigDecimal index =
        BigDecimal.valueOf(sumOfWeights)
            .sqrt(MathContext.DECIMAL64)
            .divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    return new ComprehensiveComplicationIndex(
        index.min(MAXIMUM_VALUE).setScale(1, RoundingMode.HALF_UP));
  }

  public static ComprehensiveComplicationIndex of(ClavienDindoGrade... grades) {
    return of(List.of(grades));
  }

  @Override
  public int compareTo(ComprehensiveComplicationIndex other) {
    return value.compareTo(other.value);
  }

  /** "20.9". */
  @Override
  public String toString() {
    return value.toPlainString();
  }
}
