package org.caseregistry.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How report numbers are written: rounded half up, a decimal comma in Vietnamese and a decimal
 * point otherwise, no thousands separator (tables are pasted into manuscripts and spreadsheets).
 *
 * <p>The clinical conventions: means, SDs, medians and quartiles with one decimal (the values are
 * recorded with at most one decimal, or, like the BMI, are reported with one by convention);
 * percentages with one decimal; counts, minima and maxima as recorded.
 */
final class ReportFormat {

  static final int STATISTIC_DECIMALS = 1;
  static final int PERCENT_DECIMALS = 1;

  private final Locale locale;
  private final char decimalSeparator;

  ReportFormat(Locale locale) {
    this.locale = locale;
    this.decimalSeparator = "vi".equals(locale.getLanguage()) ? ',' : '.';
  }

  Locale locale() {
    return locale;
  }

  /** The value with exactly this many decimals; "–" for none. */
  String number(BigDecimal value, int decimals) {
    if (value == null) {
      return "–";
    }
    return separator(value.setScale(decimals, RoundingMode.HALF_UP).toPlainString());
  }

  /** A statistic such as a mean: one decimal. */
  String statistic(BigDecimal value) {
    return number(value, STATISTIC_DECIMALS);
  }

  /** A value as recorded, without trailing zeros: 18.32, 45, 22.3. */
  String recorded(BigDecimal value) {
    if (value == null) {
      return "–";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return separator((stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString());
  }

  String percent(BigDecimal value) {
    return number(value, PERCENT_DECIMALS);
  }

  /** "5 (83.3)": a count and its percentage of the denominator. */
  String countPercent(long k, long n) {
    BigDecimal percent = Statistics.percent(k, n);
    return percent == null ? Long.toString(k) : k + " (" + percent(percent) + ")";
  }

  /** "57.5 (6.4)". */
  String meanSd(BigDecimal mean, BigDecimal sd) {
    return statistic(mean) + " (" + statistic(sd) + ")";
  }

  /**
   * "58.0 (55.3, 61.5)"; with a decimal comma the quartiles are separated by a semicolon, "58,0
   * (55,3; 61,5)", so that the comma cannot be misread.
   */
  String medianQuartiles(BigDecimal median, BigDecimal q1, BigDecimal q3) {
    String between = decimalSeparator == ',' ? "; " : ", ";
    return statistic(median) + " (" + statistic(q1) + between + statistic(q3) + ")";
  }

  /** "47–65". */
  String range(BigDecimal min, BigDecimal max) {
    return recorded(min) + "–" + recorded(max);
  }

  private String separator(String plain) {
    return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
  }
}
