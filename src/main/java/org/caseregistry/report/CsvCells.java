package org.caseregistry.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as the registry writes it: UTF-8 with a byte-order mark (so that Excel reads Vietnamese
 * correctly), RFC 4180 quoting, and text that a spreadsheet would take for a formula neutralised
 * with a leading apostrophe. Numbers, negative ones included, stay numbers.
 */
final class CsvCells {

  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

  private CsvCells() {}

  /** A printer on the stream, the byte-order mark already written; closing it closes the stream. */
  static CSVPrinter printer(OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    return new CSVPrinter(writer, CSVFormat.DEFAULT);
  }

  /** The text, with a leading apostrophe if it would start a formula (=, +, -, @, tab, CR). */
  static String safe(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    boolean risky =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    if (risky && !NUMBER.matcher(text).matches()) {
      return "'" + text;
    }
    return text;
  }
}
