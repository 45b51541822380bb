package org.caseregistry.dashboard;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the reader's language writes them: Vietnamese with a decimal comma (57,5), English
 * with a decimal point (57.5). No grouping separators, so that 2021 stays 2021.
 */
final class Numbers {

  private final DecimalFormatSymbols symbols;

  Numbers(Locale locale) {
    this.symbols = DecimalFormatSymbols.getInstance(locale);
  }

  String integer(long value) {
    return Long.toString(value);
  }

  /** With exactly {@code digits} decimals. */
  String decimal(double value, int digits) {
    DecimalFormat format =
        new DecimalFormat(digits == 0 ? "0" : "0." + "0".repeat(digits), symbols);
    format.setGroupingUsed(false);
    return format.format(value);
  }

  /** With at most {@code digits} decimals: 3 rather than 3.0, but 2.5. */
  String compact(double value, int digits) {
    DecimalFormat format =
        new DecimalFormat(digits == 0 ? "0" : "0." + "#".repeat(digits), symbols);
    format.setGroupingUsed(false);
    return format.format(value);
  }

  /** A share as a percentage with one decimal, e.g. 83.3%; "–" without a denominator. */
  String percent(long part, long whole) {
    return whole == 0 ? "–" : decimal(100.0 * part / whole, 1) + "%";
  }

  /** A p-value with its relation: "< 0.0001" below that, else "= " and four decimals. */
  String pValue(double p) {
    return p < 0.0001 ? "< " + decimal(0.0001, 4) : "= " + decimal(p, 4);
  }
}
