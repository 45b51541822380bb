package org.caseregistry.dashboard;

/**
 * The Wilson score 95% interval of a proportion x / n (Wilson 1927), which stays inside [0, 1] and
 * behaves at 0 and n, unlike the Wald interval.
 */
record WilsonInterval(double lower, double upper) {

  private static final double Z = 1.959963984540054;

  static WilsonInterval of(int x, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("No denominator");
    }
    double p = (double) x / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
