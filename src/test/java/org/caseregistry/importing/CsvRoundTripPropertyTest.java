package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.caseregistry.platform.CsvText;
import org.junit.jupiter.api.Test;

/**
 * Export then import is the identity for every text: random texts, heavy in the characters that
 * matter (formula starters, apostrophes, quotes, separators, line breaks, tabs, Vietnamese and
 * other Unicode), written as the import format writes a CSV cell and read back as the import reads
 * it. A seeded generator, so a failure repeats.
 */
class CsvRoundTripPropertyTest {

  private static final String[] PIECES = {
    "=",
    "+",
    "-",
    "@",
    "'",
    "''",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\"",
    ",",
    ";",
    " ",
    "1",
    "1.5",
    "-2",
    "+3,5",
    "a",
    "Z",
    "Nguyễn",
    "đái tháo đường",
    "ü",
    "😀",
    "\u00a0",
    "SUM(A1)",
    "x"
  };

  @Test
  void everyTextReadsBackAsItWasStored() throws Exception {
    Random random = new Random(20261201L);
    List<String> texts = new ArrayList<>(List.of("'=1+1", "'", "''", "'-", "'1", "-1", "=", "@"));
    for (int i = 0; i < 15_000; i++) {
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(6);
      for (int p = 0; p < pieces; p++) {
        text.append(
            random.nextInt(5) == 0
                ? Character.toString(0x20 + random.nextInt(0x2FF))
                : PIECES[random.nextInt(PIECES.length)]);
      }
      texts.add(text.toString());
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
    printer.printRecord("study_code", "comorbidities");
    for (int i = 0; i < texts.size(); i++) {
      printer.printRecord("BN" + i, CaseFileFormat.neutralised(texts.get(i)));
    }
    printer.flush();
    RawSheet sheet = CaseFileReader.csv("cases.csv", bytes.toByteArray());
    List<String> read = new ArrayList<>();
    for (RawSheet.Row row : sheet.rows()) {
      read.add(row.cell(1));
    }
    assertThat(read).containsExactlyElementsOf(texts);
  }

  @Test
  void noWrittenCellStartsAFormula() {
    Random random = new Random(7L);
    for (int i = 0; i < 20_000; i++) {
      String text = PIECES[random.nextInt(PIECES.length)] + PIECES[random.nextInt(PIECES.length)];
      String written = CaseFileFormat.neutralised(text);
      assertThat(CsvText.startsFormula(written)).as(text).isFalse();
      assertThat(CaseFileFormat.restored(written)).as(text).isEqualTo(text);
    }
  }
}
