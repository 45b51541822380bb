package org.caseregistry.importing;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads an upload sheet by sheet and row by row into a {@link SheetRows}: an XLSX workbook ({@link
 * WorkbookSheets}: streamed, never held as a whole), a ZIP of CSV files or one CSV file ({@link
 * CsvSheets}: decoded and parsed as a stream, a ZIP's entries straight from the ZIP). Cells come
 * back as text: numbers in plain notation, date cells as ISO dates. Blank rows are skipped. Limits:
 * {@link CaseFileFormat#MAX_ROWS} rows per sheet.
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
    CaseFileFormat.Sheet kind = CaseFileFormat.Sheet.named(name);
    if (kind != null && kind != CaseFileFormat.Sheet.CASES) {
      throw new UnreadableFileException("import.file.single-csv-not-cases", name);
    }
    CsvSheets.read(
        name, CaseFileFormat.Sheet.CASES.sheetName(), new ByteArrayInputStream(bytes), sink);
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
    try (ZipInputStream zip =
        new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      Unzipped unzipped = new Unzipped(zip);
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName();
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (entry.isDirectory()
            || name.startsWith("__MACOSX/")
            || base.startsWith(".")
            || base.isEmpty()) {
          continue;
        }
        if (!base.toLowerCase().endsWith(".csv")) {
          unzipped.skipEntry();
          sink.sheet(base);
          continue;
        }
        CsvSheets.read(base, base, unzipped, sink);
      }
    } catch (TooLarge tooLarge) {
      throw new UnreadableFileException(
          "import.file.too-large-unzipped", MAX_UNZIPPED / (1024 * 1024));
    } catch (IOException | IllegalArgumentException broken) {
      throw new UnreadableFileException("import.file.broken-zip");
    }
  }

  /** One CSV file, every row held: for tests. */
  static RawSheet csv(String name, byte[] bytes) throws UnreadableFileException {
    Collected sheet = new Collected();
    CsvSheets.read(name, name, new ByteArrayInputStream(bytes), sheet);
    return sheet.sheets().get(0);
  }

  /**
   * The unpacked bytes of a ZIP's entries, counted against {@link #MAX_UNZIPPED} as they are read.
   */
  private static final class Unzipped extends FilterInputStream {
    private long total;

    Unzipped(ZipInputStream zip) {
      super(zip);
    }

    @Override
    public int read() throws IOException {
      int read = super.read();
      if (read >= 0) {
        counted(1);
      }
      return read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        counted(read);
      }
      return read;
    }

    private void counted(int bytes) {
      total += bytes;
      if (total > MAX_UNZIPPED) {
        throw new TooLarge();
      }
    }

    /** Ends one entry's reading; the ZIP stays open for the next. */
    @Override
    public void close() {}

    /** Reads the rest of the entry, counting it. */
    void skipEntry() throws IOException {
      byte[] buffer = new byte[64 * 1024];
      while (read(buffer, 0, buffer.length) > 0) {
        // counted
      }
    }
  }

  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super(null, null, false, false);
    }
  }
}
