package org.caseregistry.dashboard.survival;

/**
 * The upper tail P(X ≥ x) of the chi-square distribution with k degrees of freedom, which is the
 * regularized upper incomplete gamma function Q(k/2, x/2). Computed by its power series below a + 1
 * and by its continued fraction (modified Lentz) above, as in Numerical Recipes §6.2, with log Γ
 * from the Lanczos approximation; accurate to about 1e-14.
 */
public final class ChiSquareDistribution {

  private static final int MAX_ITERATIONS = 10_000;
  private static final double EPSILON = 1e-16;
  private static final double TINY = 1e-300;

  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  private ChiSquareDistribution() {}

  public static double upperTail(double x, int degreesOfFreedom) {
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException("Degrees of freedom must be at least 1");
    }
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x <= 0) {
      return 1;
    }
    return regularizedUpperGamma(degreesOfFreedom / 2.0, x / 2.0);
  }

  static double regularizedUpperGamma(double a, double x) {
    if (x < a + 1) {
      return 1 - lowerSeries(a, x);
    }
    return upperContinuedFraction(a, x);
  }

  private static double lowerSeries(double a, double x) {
    double term = 1 / a;
    double sum = term;
    for (int n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) {
        break;
      }
    }
    return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
  }

  private static double upperContinuedFraction(double a, double x) {
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  }

  /** log Γ(x) for x > 0 (Lanczos, g = 7). */
  static double logGamma(double x) {
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
