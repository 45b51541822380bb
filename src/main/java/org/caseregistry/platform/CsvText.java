package org.caseregistry.platform;

import java.util.regex.Pattern;

/**
 * The one rule for text written into any CSV file the registry produces (reports, dataset, import
 * format, import problems): a cell that a spreadsheet would run as a formula (starting with =, +,
 * -, @, tab or carriage return) gets a leading apostrophe. Numbers, negative ones included, stay
 * numbers.
 */
public final class CsvText {

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

  private CsvText() {}

  /** The text, with a leading apostrophe if it would start a formula. */
  public static String neutralised(String text) {
    return startsFormula(text) ? "'" + text : text;
  }

  /** Whether a spreadsheet would take the text for a formula. */
  public static boolean startsFormula(String text) {
    if (text == null || text.isEmpty() || NUMBER.matcher(text).matches()) {
      return false;
    }
    char first = text.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }
}
