package org.caseregistry.backup;

import static org.caseregistry.backup.BackupTables.count;
import static org.caseregistry.backup.BackupTables.quote;
import static org.caseregistry.backup.BackupTables.schemaVersion;
import static org.caseregistry.backup.BackupTables.tablesParentsFirst;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A complete logical backup of the registry's database without PostgreSQL client tools: every table
 * copied out with PostgreSQL's COPY (CSV with a header) into one ZIP, parents before children, with
 * the sequences and the schema version. A restore copies it back into a freshly migrated, empty
 * database of the same schema version, in one transaction: all or nothing. Which tables, in which
 * order: {@link BackupTables}.
 */
public final class LogicalBackup {

  static final String MANIFEST = "backup.properties";
  static final String SEQUENCES = "sequences.csv";

  private final DataSource dataSource;

  public LogicalBackup(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What a backup holds, per table: the number of rows. */
  public record Summary(String schemaVersion, Map<String, Long> rows) {}

  public Summary write(OutputStream target) throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      // One snapshot for every table, so the backup is consistent while the app keeps running.
      try (Statement statement = connection.createStatement()) {
        statement.execute("set transaction isolation level repeatable read");
      }
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      List<String> tables = tablesParentsFirst(connection);
      String version = schemaVersion(connection);
      Map<String, Long> rows = new LinkedHashMap<>();
      ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
      Properties manifest = new Properties();
      manifest.setProperty("schema.version", version);
      manifest.setProperty("created", Instant.now().toString());
      manifest.setProperty("tables", String.join(",", tables));
      for (String table : tables) {
        rows.put(table, count(connection, table));
        manifest.setProperty("rows." + table, String.valueOf(rows.get(table)));
      }
      zip.putNextEntry(new ZipEntry(MANIFEST));
      manifest.store(zip, "Case registry logical backup");
      zip.closeEntry();
      for (String table : tables) {
        zip.putNextEntry(new ZipEntry("tables/" + table + ".csv"));
        copy.copyOut(
            "COPY (SELECT * FROM " + quote(table) + ") TO STDOUT WITH (FORMAT csv, HEADER true)",
            new NonClosing(zip));
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry(SEQUENCES));
      copy.copyOut(
          "COPY (SELECT sequencename, coalesce(last_value, 1), last_value IS NOT NULL FROM"
              + " pg_sequences WHERE schemaname = 'public') TO STDOUT WITH (FORMAT csv)",
          new NonClosing(zip));
      zip.closeEntry();
      zip.finish();
      connection.commit();
      return new Summary(version, rows);
    }
  }

  /**
   * Restores a backup into this database, which must be migrated to the same schema version and
   * hold no data yet. Nothing is written unless everything is.
   */
  public Summary restore(InputStream source) throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection();
        ZipInputStream zip = new ZipInputStream(source, StandardCharsets.UTF_8)) {
      connection.setAutoCommit(false);
      try {
        Summary summary = restore(connection, zip);
        connection.commit();
        return summary;
      } catch (SQLException | IOException | RuntimeException failure) {
        connection.rollback();
        throw failure;
      }
    }
  }

  private Summary restore(Connection connection, ZipInputStream zip)
      throws SQLException, IOException {
    ZipEntry entry = zip.getNextEntry();
    if (entry == null || !MANIFEST.equals(entry.getName())) {
      throw new IllegalArgumentException("Not a registry backup: " + MANIFEST + " must come first");
    }
    Properties manifest = new Properties();
    manifest.load(new ByteArrayInputStream(zip.readAllBytes()));
    String version = manifest.getProperty("schema.version");
    String current = schemaVersion(connection);
    if (!current.equals(version)) {
      throw new IllegalStateException(
          "The backup has schema version "
              + version
              + " but this database has "
              + current
              + ": restore with the application version that made the backup");
    }
    List<String> present = tablesParentsFirst(connection);
    for (String table : present) {
      if (count(connection, table) > 0) {
        throw new IllegalStateException(
            "Table " + table + " is not empty: restore only into a new, empty database");
      }
    }
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    Map<String, Long> rows = new LinkedHashMap<>();
    while ((entry = zip.getNextEntry()) != null) {
      if (entry.getName().startsWith("tables/")) {
        String table = entry.getName().substring("tables/".length(), entry.getName().length() - 4);
        if (!present.contains(table)) {
          throw new IllegalStateException("The backup holds a table this database lacks: " + table);
        }
        byte[] headerLine = readLine(zip);
        String header = new String(headerLine, StandardCharsets.UTF_8).strip();
        // Streamed: the header line again (COPY skips it), then the rest of the entry.
        long copied =
            copy.copyIn(
                "COPY "
                    + quote(table)
                    + " ("
                    + header
                    + ") FROM STDIN WITH (FORMAT csv, HEADER true)",
                new SequenceInputStream(
                    new ByteArrayInputStream(headerLine), new NonClosingInput(zip)));
        rows.put(table, copied);
        long expected = Long.parseLong(manifest.getProperty("rows." + table, "-1"));
        if (copied != expected) {
          throw new IllegalStateException(
              "Table " + table + ": " + copied + " rows restored, " + expected + " expected");
        }
      } else if (entry.getName().equals(SEQUENCES)) {
        restoreSequences(connection, zip.readAllBytes());
      }
    }
    return new Summary(version, rows);
  }

  private static void restoreSequences(Connection connection, byte[] data)
      throws SQLException, IOException {
    try (BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8));
        PreparedStatement setval =
            connection.prepareStatement("SELECT setval(quote_ident(?), ?, ?)")) {
      String line;
      while ((line = reader.readLine()) != null) {
        String[] fields = line.split(",");
        setval.setString(1, fields[0]);
        setval.setLong(2, Long.parseLong(fields[1]));
        setval.setBoolean(3, "t".equals(fields[2]));
        setval.execute();
      }
    }
  }

  /** The next line of an entry, with its line break. */
  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      line.write(b);
      if (b == '\n') {
        break;
      }
    }
    return line.toByteArray();
  }

  /** Lets COPY read one ZIP entry without closing the whole archive at its end. */
  private static final class NonClosingInput extends FilterInputStream {
    NonClosingInput(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // The archive stays open for the next entry.
    }
  }

  /** Lets COPY write into one ZIP entry without closing the whole archive. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
