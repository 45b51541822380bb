package org.caseregistry.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * An upload read once, as a stream, into temporary files: per sheet its name, its header and its
 * rows on disk (with the columns that hold a value anywhere, for the header's checks), so that
 * memory holds one row at a time while reading, whatever the size of the file. Closing removes the
 * files, and every spool made later in the same directory ({@link #newSpool}).
 */
final class SpooledFile implements SheetRows, AutoCloseable {

  /** One sheet as read: its rows wait in a spool. */
  static final class SpooledSheet {
    private final String name;
    private final RowSpool rows;
    private final BitSet filled = new BitSet();
    private List<String> header = List.of();

    private SpooledSheet(String name, RowSpool rows) {
      this.name = name;
      this.rows = rows;
    }

    String name() {
      return name;
    }

    List<String> header() {
      return header;
    }

    int rowCount() {
      return rows.size();
    }

    /** Whether a row of the sheet holds more than blanks in {@code column}. */
    boolean holdsValues(int column) {
      return filled.get(column);
    }

    RowSpool.Reader rows() {
      return rows.reader();
    }
  }

  private final Path directory;
  private final List<SpooledSheet> sheets = new ArrayList<>();
  private final List<RowSpool> spools = new ArrayList<>();
  private SpooledSheet current;

  private SpooledFile() {
    try {
      directory = Files.createTempDirectory("registry-import-");
    } catch (IOException cannotWrite) {
      throw new RowSpool.Failure(cannotWrite);
    }
  }

  /** Reads the upload into temporary files; nothing is left behind when it is unreadable. */
  static SpooledFile read(String fileName, byte[] bytes) throws UnreadableFileException {
    SpooledFile file = new SpooledFile();
    try {
      CaseFileReader.read(fileName, bytes, file);
      return file;
    } catch (UnreadableFileException | RuntimeException failed) {
      file.close();
      throw failed;
    }
  }

  List<SpooledSheet> sheets() {
    return sheets;
  }

  /** A further spool in this file's directory, removed with it. */
  RowSpool newSpool() {
    RowSpool spool = new RowSpool(directory);
    spools.add(spool);
    return spool;
  }

  @Override
  public void sheet(String name) {
    current = new SpooledSheet(name, newSpool());
    sheets.add(current);
  }

  @Override
  public void header(List<String> cells) {
    current.header = List.copyOf(cells.stream().map(cell -> cell == null ? "" : cell).toList());
  }

  @Override
  public void row(RawSheet.Row row) {
    List<String> cells = row.cells();
    for (int column = 0; column < cells.size(); column++) {
      String cell = cells.get(column);
      if (cell != null && !cell.isBlank()) {
        current.filled.set(column);
      }
    }
    current.rows.write(0, row);
  }

  @Override
  public void close() {
    for (RowSpool spool : spools) {
      try {
        spool.finish();
      } catch (RowSpool.Failure ignored) {
        // removed below all the same
      }
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException cannotDelete) {
      directory.toFile().deleteOnExit();
    }
  }
}
