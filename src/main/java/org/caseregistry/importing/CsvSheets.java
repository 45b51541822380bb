package org.caseregistry.importing;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one CSV file as a stream into a {@link SheetRows}: decoded as UTF-8 while it is read (a
 * byte-order mark dropped, anything else than UTF-8 refused), comma or semicolon separated (from
 * the first line), and a record of more than {@link CaseFileFormat#MAX_COLUMNS} fields refused
 * while it is being read, before the parser holds it. Memory holds one record, whatever the size of
 * the file.
 */
final class CsvSheets {

  /** How much of the file the first line may take for the separator to be judged on all of it. */
  private static final int FIRST_LINE = 1024 * 1024;

  private CsvSheets() {}

  /**
   * Streams the file's rows as the sheet {@code sheetName}; {@code name} is the file's name for
   * messages. Closes {@code bytes}.
   */
  static void read(String name, String sheetName, InputStream bytes, SheetRows sink)
      throws UnreadableFileException {
    sink.sheet(sheetName);
    try (BufferedReader text =
        new BufferedReader(
            new InputStreamReader(
                bytes,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            64 * 1024)) {
      text.mark(1);
      if (text.read() != '\uFEFF') {
        text.reset();
      }
      text.mark(FIRST_LINE);
      char delimiter = delimiter(text);
      text.reset();
      CSVFormat format =
          CSVFormat.DEFAULT
              .builder()
              .setDelimiter(delimiter)
              .setIgnoreSurroundingSpaces(false)
              .get();
      rows(name, CSVParser.parse(new FieldLimit(text, delimiter), format), sink);
    } catch (TooManyFields tooMany) {
      throw new UnreadableFileException(
          "import.file.too-many-fields", name, tooMany.line, CaseFileFormat.MAX_COLUMNS);
    } catch (CharacterCodingException notUtf8) {
      throw new UnreadableFileException("import.file.not-utf8", name);
    } catch (IOException broken) {
      throw new UnreadableFileException("import.file.broken-csv", name);
    }
  }

  private static void rows(String name, CSVParser parser, SheetRows sink)
      throws UnreadableFileException, IOException {
    boolean headerSeen = false;
    int rows = 0;
    try (parser) {
      Iterator<CSVRecord> records = parser.iterator();
      int number = 0;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        number++;
        List<String> cells = record.toList().stream().map(CaseFileFormat::restored).toList();
        if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
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
    } catch (UncheckedIOException | IllegalStateException broken) {
      if (broken.getCause() instanceof CharacterCodingException notUtf8) {
        throw notUtf8;
      }
      throw new UnreadableFileException("import.file.broken-csv", name);
    }
  }

  /** The separator that splits the first line into more fields: semicolon or comma. */
  private static char delimiter(Reader text) throws IOException {
    int semicolons = 0;
    int commas = 0;
    boolean quoted = false;
    for (int read = 0, c = text.read(); c >= 0 && c != '\n' && read < FIRST_LINE - 1; read++) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == ',') {
        commas++;
      }
      c = text.read();
    }
    return semicolons > commas ? ';' : ',';
  }

  /** A record wider than the format allows, at this line of the file. */
  private static final class TooManyFields extends RuntimeException {
    private final int line;

    TooManyFields(int line) {
      super(null, null, false, false);
      this.line = line;
    }
  }

  /**
   * Counts the fields of each record as the characters go to the parser (a separator inside quotes
   * is no field), and stops the reading at the first record with too many: a line of a million
   * separators would otherwise cost a million cells.
   */
  private static final class FieldLimit extends FilterReader {
    private final char delimiter;
    private boolean quoted;
    private int fields = 1;
    private int line = 1;

    FieldLimit(Reader in, char delimiter) {
      super(in);
      this.delimiter = delimiter;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      for (int i = 0; i < read; i++) {
        count(buffer[offset + i]);
      }
      return read;
    }

    private void count(char c) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n') {
        if (!quoted) {
          fields = 1;
        }
        line++;
      } else if (!quoted && c == delimiter && ++fields > CaseFileFormat.MAX_COLUMNS) {
        throw new TooManyFields(line);
      }
    }
  }
}
