package org.caseregistry.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Uploaded imports waiting in PostgreSQL between their dry run and their commit (table {@code
 * import_upload}), so that any application instance can commit what another one checked, and no
 * file sits in an HTTP session. One per account and series: a new check replaces the previous one.
 */
@Repository
class ImportUploads {

  /** A checked file that may still be committed, with the case revisions its check saw. */
  record Pending(
      UUID token,
      long seriesId,
      String fileName,
      boolean updateExisting,
      byte[] bytes,
      Map<String, Long> revisions) {}

  /** The report is ours, written by {@link #serialize}: only its own kinds of objects come back. */
  private static final ObjectInputFilter REPORT_CLASSES =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=20;java.lang.*;java.util.*;java.math.*;java.time.*;org.caseregistry.**;!*");

  private final JdbcTemplate jdbc;
  private final Duration lifetime;

  ImportUploads(JdbcTemplate jdbc, ImportUploadProperties properties) {
    this.jdbc = jdbc;
    this.lifetime = properties.uploadLifetime();
  }

  /**
   * Stores the outcome of a check, replacing the account's earlier one for the series; the file is
   * kept only when {@code bytes} is not null (the check allows a commit).
   *
   * @return the token a commit must present
   */
  UUID save(
      long accountId,
      long seriesId,
      String fileName,
      boolean updateExisting,
      byte[] bytes,
      Map<String, Long> revisions,
      ImportReport report) {
    UUID token = UUID.randomUUID();
    String[] codes = revisions.keySet().toArray(String[]::new);
    Long[] values = new Long[codes.length];
    for (int i = 0; i < codes.length; i++) {
      values[i] = revisions.get(codes[i]);
    }
    jdbc.update(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "insert into import_upload (token, account_id, series_id, file_name,"
                      + " update_existing, file_bytes, case_codes, case_revisions, report,"
                      + " expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict"
                      + " (account_id, series_id) do update set token = excluded.token, file_name"
                      + " = excluded.file_name, update_existing = excluded.update_existing,"
                      + " file_bytes = excluded.file_bytes, case_codes = excluded.case_codes,"
                      + " case_revisions = excluded.case_revisions, report = excluded.report,"
                      + " created_at = now(), expires_at = excluded.expires_at");
          statement.setObject(1, token);
          statement.setLong(2, accountId);
          statement.setLong(3, seriesId);
          statement.setString(4, fileName);
          statement.setBoolean(5, updateExisting);
          statement.setBytes(6, bytes);
          statement.setArray(7, connection.createArrayOf("text", codes));
          statement.setArray(8, connection.createArrayOf("bigint", values));
          statement.setBytes(9, serialize(report));
          statement.setTimestamp(10, Timestamp.from(Instant.now().plus(lifetime)));
          return statement;
        });
    return token;
  }

  /** The file behind {@code token}, if it is the account's for the series and not expired. */
  Optional<Pending> pending(UUID token, long accountId, long seriesId) {
    List<Pending> found =
        jdbc.query(
            "select token, series_id, file_name, update_existing, file_bytes, case_codes,"
                + " case_revisions from import_upload where token = ? and account_id = ? and"
                + " series_id = ? and file_bytes is not null and expires_at > now()",
            ImportUploads::pendingRow,
            token,
            accountId,
            seriesId);
    return found.stream().findFirst();
  }

  /** The report of the account's last check or refused commit in the series, if not expired. */
  Optional<ImportReport> lastReport(long accountId, long seriesId) {
    List<byte[]> found =
        jdbc.query(
            "select report from import_upload where account_id = ? and series_id = ? and"
                + " expires_at > now()",
            (rs, row) -> rs.getBytes(1),
            accountId,
            seriesId);
    return found.stream().findFirst().map(ImportUploads::deserialize);
  }

  /** After a commit (written or refused): the file is gone, the report stays for its download. */
  void finish(UUID token, ImportReport report) {
    jdbc.update(
        "update import_upload set file_bytes = null, case_codes = '{}', case_revisions = '{}',"
            + " report = ? where token = ?",
        serialize(report),
        token);
  }

  /** Removes what expired; harmless when several instances run it at the same moment. */
  int removeExpired() {
    return jdbc.update("delete from import_upload where expires_at <= now()");
  }

  private static Pending pendingRow(ResultSet rs, int row) throws SQLException {
    String[] codes = (String[]) array(rs.getArray("case_codes"));
    Long[] values = (Long[]) array(rs.getArray("case_revisions"));
    Map<String, Long> revisions = new HashMap<>();
    for (int i = 0; i < codes.length; i++) {
      revisions.put(codes[i], values[i]);
    }
    return new Pending(
        rs.getObject("token", UUID.class),
        rs.getLong("series_id"),
        rs.getString("file_name"),
        rs.getBoolean("update_existing"),
        rs.getBytes("file_bytes"),
        revisions);
  }

  private static Object array(Array array) throws SQLException {
    try {
      return array.getArray();
    } finally {
      array.free();
    }
  }

  static byte[] serialize(ImportReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static ImportReport deserialize(byte[] stored) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
      in.setObjectInputFilter(REPORT_CLASSES);
      return (ImportReport) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("A stored import report cannot be read", e);
    }
  }
}
