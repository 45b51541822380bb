package org.caseregistry.importing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rows kept in a temporary file instead of memory, each with a tag (which sheet it came from), read
 * back in the order written: only the cells that hold a value are stored, as {@link SparseCells}
 * holds them.
 */
final class RowSpool {

  /** A temporary file that cannot be written or read: not the upload's fault. */
  static final class Failure extends RuntimeException {
    Failure(IOException cause) {
      super(cause);
    }
  }

  private static final int BUFFER = 16 * 1024;

  private final Path file;
  private DataOutputStream out;
  private int size;

  RowSpool(Path directory) {
    try {
      file = Files.createTempFile(directory, "rows-", ".bin");
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    } catch (IOException cannotWrite) {
      throw new Failure(cannotWrite);
    }
  }

  void write(int tag, RawSheet.Row row) {
    List<String> cells = row.cells();
    int filled = 0;
    for (String cell : cells) {
      if (cell != null && !cell.isEmpty()) {
        filled++;
      }
    }
    try {
      out.writeInt(tag);
      out.writeInt(row.number());
      out.writeInt(filled);
      for (int column = 0; column < cells.size(); column++) {
        String cell = cells.get(column);
        if (cell != null && !cell.isEmpty()) {
          byte[] text = cell.getBytes(StandardCharsets.UTF_8);
          out.writeInt(column);
          out.writeInt(text.length);
          out.write(text);
        }
      }
    } catch (IOException cannotWrite) {
      throw new Failure(cannotWrite);
    }
    size++;
  }

  /** The rows written. */
  int size() {
    return size;
  }

  /** Ends the writing, once; the rows can then be read, as often as needed. */
  void finish() {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException cannotWrite) {
      throw new Failure(cannotWrite);
    }
    out = null;
  }

  Reader reader() {
    finish();
    try {
      return new Reader(
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER)));
    } catch (IOException cannotRead) {
      throw new Failure(cannotRead);
    }
  }

  /** The rows in the order written. */
  static final class Reader implements AutoCloseable {
    private final DataInputStream in;
    private int tag;
    private RawSheet.Row row;

    private Reader(DataInputStream in) {
      this.in = in;
    }

    /** Moves to the next row; false at the end. */
    boolean next() {
      try {
        try {
          tag = in.readInt();
        } catch (EOFException end) {
          row = null;
          return false;
        }
        int number = in.readInt();
        int filled = in.readInt();
        SparseCells cells = new SparseCells();
        for (int i = 0; i < filled; i++) {
          int column = in.readInt();
          byte[] text = new byte[in.readInt()];
          in.readFully(text);
          cells.put(column, new String(text, StandardCharsets.UTF_8));
        }
        row = new RawSheet.Row(number, cells);
        return true;
      } catch (IOException cannotRead) {
        throw new Failure(cannotRead);
      }
    }

    int tag() {
      return tag;
    }

    RawSheet.Row row() {
      return row;
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException ignored) {
        // a temporary file, removed with its directory
      }
    }
  }
}
