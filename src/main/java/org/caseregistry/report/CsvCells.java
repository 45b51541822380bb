package org.caseregistry.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.caseregistry.platform.CsvText;

/**
 * CSV as the registry writes it: UTF-8 with a byte-order mark (so that Excel reads Vietnamese
 * correctly), RFC 4180 quoting, and text that a spreadsheet would take for a formula neutralised by
 * {@link CsvText}, the rule every CSV of the registry follows.
 */
final class CsvCells {

  private CsvCells() {}

  /** A printer on the stream, the byte-order mark already written; closing it closes the stream. */
  static CSVPrinter printer(OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    return new CSVPrinter(writer, CSVFormat.DEFAULT);
  }

  /** The text, with a leading apostrophe if it would start a formula (=, +, -, @, tab, CR). */
  static String safe(String text) {
    return CsvText.neutralised(text);
  }
}
