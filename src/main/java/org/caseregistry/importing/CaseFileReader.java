package org.caseregistry.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an upload sheet by sheet and row by row into a {@link SheetRows}: an XLSX workbook ({@link
 * WorkbookSheets}: streamed, never held as a whole), a ZIP of CSV files, or one CSV file. Cells
 * come back as text: numbers in plain notation, date cells as ISO dates. Blank rows are skipped.
 * Limits: {@link CaseFileFormat#MAX_ROWS} rows per sheet.
 */
final class CaseFileReader {

  /** Uncompressed bytes a ZIP of CSV files may hold. */
  private static final long MAX_UNZIPPED = 200L * 1024 * 1024;

  private CaseFileReader() {}

  /** The whole file as raw sheets, every row held: for small files and tests. */
  static List<RawSheet> read(String fileName, byte[] bytes) throws UnreadableFileException {
    Collected sheets = new Collected();
    read(fileName, bytes, sheets);
    return sheets.sheets();
  }

  /** Streams the file's sheets and rows into {@code sink}. */
  static void read(String fileName, byte[] bytes, SheetRows sink) throws UnreadableFileException {
    if (bytes.length == 0) {
      throw new UnreadableFileException("import.file.empty");
    }
    if (isOle2(bytes)) {
      throw new UnreadableFileException("import.file.xls");
    }
    if (isZip(bytes)) {
      if (isWorkbook(bytes)) {
        WorkbookSheets.read(bytes, sink);
      } else {
        zipOfCsv(bytes, sink);
      }
      return;
    }
    String name = fileName == null || fileName.isBlank() ? "cases.csv" : fileName;
    String text = text(name, bytes);
    CaseFileFormat.Sheet kind = CaseFileFormat.Sheet.named(name);
    if (kind != null && kind != CaseFileFormat.Sheet.CASES) {
      throw new UnreadableFileException("import.file.single-csv-not-cases", name);
    }
    csv(name, CaseFileFormat.Sheet.CASES.sheetName(), text, sink);
  }

  /** Collects every sheet with all its rows. */
  private static final class Collected implements SheetRows {
    private final List<RawSheet> sheets = new ArrayList<>();
    private String name;
    private List<String> header;
    private List<RawSheet.Row> rows;

    @Override
    public void sheet(String name) {
      flush();
      this.name = name;
      this.header = List.of();
      this.rows = new ArrayList<>();
    }

    @Override
    public void header(List<String> cells) {
      header = cells;
    }

    @Override
    public void row(RawSheet.Row row) {
      rows.add(row);
    }

    private void flush() {
      if (name != null) {
        sheets.add(new RawSheet(name, header, rows));
        name = null;
      }
    }

    List<RawSheet> sheets() {
      flush();
      return sheets;
    }
  }

  private static boolean isOle2(byte[] bytes) {
    return bytes.length >= 4
        && (bytes[0] & 0xff) == 0xD0
        && (bytes[1] & 0xff) == 0xCF
        && (bytes[2] & 0xff) == 0x11
        && (bytes[3] & 0xff) == 0xE0;
  }

  private static boolean isZip(byte[] bytes) {
    return bytes.length >= 4
        && bytes[0] == 'P'
        && bytes[1] == 'K'
        && bytes[2] == 3
        && bytes[3] == 4;
  }

  private static boolean isWorkbook(byte[] bytes) throws UnreadableFileException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals("xl/workbook.xml")
            || entry.getName().equals("[Content_Types].xml")) {
          return true;
        }
      }
      return false;
    } catch (IOException broken) {
      throw new UnreadableFileException("import.file.broken-zip");
    }
  }

  // ---------------------------------------------------------------- CSV

  private static void zipOfCsv(byte[] bytes, SheetRows sink) throws UnreadableFileException {
    long total = 0;
    try (ZipInputStream zip =
        new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (entry.isDirectory()
            || name.startsWith("__MACOSX/")
            || base.startsWith(".")
            || base.isEmpty()) {
          continue;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
          total += read;
          if (total > MAX_UNZIPPED) {
            throw new UnreadableFileException(
                "import.file.too-large-unzipped", MAX_UNZIPPED / (1024 * 1024));
          }
          content.write(buffer, 0, read);
        }
        if (!base.toLowerCase().endsWith(".csv")) {
          sink.sheet(base);
          continue;
        }
        byte[] csv = content.toByteArray();
        content = null;
        csv(base, base, text(base, csv), sink);
      }
    } catch (IOException | IllegalArgumentException broken) {
      throw new UnreadableFileException("import.file.broken-zip");
    }
  }

  /** One CSV file, every row held: for tests. */
  static RawSheet csv(String name, byte[] bytes) throws UnreadableFileException {
    Collected sheet = new Collected();
    csv(name, name, text(name, bytes), sheet);
    return sheet.sheets().get(0);
  }

  /** A CSV file's text: UTF-8, a byte-order mark dropped. */
  private static String text(String name, byte[] bytes) throws UnreadableFileException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      throw new UnreadableFileException("import.file.not-utf8", name);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Streams one CSV file's rows, comma or semicolon separated, as the sheet {@code sheetName};
   * {@code name} is the file's name for messages.
   */
  private static void csv(String name, String sheetName, String text, SheetRows sink)
      throws UnreadableFileException {
    char delimiter = delimiter(text);
    refuseWideRecords(name, text, delimiter);
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(false).get();
    sink.sheet(sheetName);
    boolean headerSeen = false;
    int rows = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Iterator<CSVRecord> records = parser.iterator();
      int number = 0;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        number++;
        List<String> cells = record.toList().stream().map(CaseFileFormat::restored).toList();
        if (isBlank(cells)) {
          continue;
        }
        if (!headerSeen) {
          headerSeen = true;
          sink.header(cells);
          continue;
        }
        if (rows++ >= CaseFileFormat.MAX_ROWS) {
          throw new UnreadableFileException(
              "import.file.too-many-rows", name, CaseFileFormat.MAX_ROWS);
        }
        sink.row(new RawSheet.Row(number, cells));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException broken) {
      throw new UnreadableFileException("import.file.broken-csv", name);
    }
  }

  /**
   * Refuses a file with a record of more fields than {@link CaseFileFormat#MAX_COLUMNS} before the
   * parser holds it: a line of a million separators would otherwise cost a million cells.
   */
  private static void refuseWideRecords(String name, String text, char delimiter)
      throws UnreadableFileException {
    boolean quoted = false;
    int fields = 1;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n') {
        if (!quoted) {
          fields = 1;
        }
        line++;
      } else if (!quoted && c == delimiter && ++fields > CaseFileFormat.MAX_COLUMNS) {
        throw new UnreadableFileException(
            "import.file.too-many-fields", name, line, CaseFileFormat.MAX_COLUMNS);
      }
    }
  }

  /** The separator that splits the header line into more fields: semicolon or comma. */
  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String firstLine = end < 0 ? text : text.substring(0, end);
    int semicolons = 0;
    int commas = 0;
    boolean quoted = false;
    for (char c : firstLine.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == ',') {
        commas++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }

  private static boolean isBlank(List<String> cells) {
    return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
  }
}
