package org.caseregistry.cases.storage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.catalog.CaseCodes.CaseStatus;
import org.caseregistry.platform.EditConflictException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The case rows: header, status, study code, look-ups by study code. A case's sections are read by
 * {@link CaseSectionReads}, written by {@link SectionWriter}; the stored derived values are {@link
 * CaseDerivedValues}'s.
 */
@Repository
public class CaseStore {

  private static final String HEADER_SELECT =
      "select c.id, c.series_id, s.title as series_title, c.site_id, h.code as site_code,"
          + " h.name as site_name, c.study_code, c.status, c.withdrawal_reason, c.withdrawn_at,"
          + " c.withdrawn_by, c.demo, c.version, c.created_at, c.created_by, c.updated_at,"
          + " c.updated_by from surgical_case c join hospital_site h on h.id = c.site_id"
          + " join case_series s on s.id = c.series_id";

  private static final int CODES_PER_STATEMENT = 5_000;

  /** Study codes compared as the unique index compares them: PostgreSQL lowers both sides. */
  private static final String CODE_IN_BATCH =
      "lower(c.study_code) in (select lower(code) from unnest(:codes) code)";

  private final NamedParameterJdbcTemplate jdbc;

  CaseStore(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CaseHeader> header(long caseId) {
    return jdbc
        .query(HEADER_SELECT + " where c.id = :id", Map.of("id", caseId), CaseStore::mapHeader)
        .stream()
        .findFirst();
  }

  /**
   * Holds the case's row lock until the transaction ends, so that concurrent saves of one case take
   * turns and its derived values are always computed from everything committed.
   */
  void lock(long caseId) {
    jdbc.query(
        "select id from surgical_case where id = :id for update",
        Map.of("id", caseId),
        (rs, row) -> rs.getLong(1));
  }

  public long countCases(long seriesId) {
    Long count =
        jdbc.queryForObject(
            "select count(*) from surgical_case where series_id = :series",
            Map.of("series", seriesId),
            Long.class);
    return count == null ? 0 : count;
  }

  public boolean studyCodeTaken(long seriesId, String studyCode, Long exceptCaseId) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from surgical_case where series_id = :series and lower(study_code) ="
                + " lower(:code) and id <> :except",
            new MapSqlParameterSource()
                .addValue("series", seriesId)
                .addValue("code", studyCode)
                .addValue("except", exceptCaseId == null ? -1L : exceptCaseId),
            Integer.class);
    return count != null && count > 0;
  }

  /**
   * The new case's id, or null when the study code was taken in the meantime (a concurrent create):
   * the unique index answers, without aborting the transaction.
   */
  public Long createCase(
      long seriesId, long siteId, String studyCode, boolean demo, String username) {
    KeyHolder key = new GeneratedKeyHolder();
    int inserted =
        jdbc.update(
            "insert into surgical_case (series_id, site_id, study_code, demo, created_by,"
                + " updated_by) values (:series, :site, :code, :demo, :user, :user)"
                + " on conflict do nothing",
            new MapSqlParameterSource()
                .addValue("series", seriesId)
                .addValue("site", siteId)
                .addValue("code", studyCode)
                .addValue("demo", demo)
                .addValue("user", username),
            key,
            new String[] {"id"});
    return inserted == 0 ? null : key.getKey().longValue();
  }

  /** Changes study code and site, if nobody else changed the case header meanwhile. */
  public void updateHeader(
      long caseId, String studyCode, long siteId, int expectedVersion, String user) {
    int updated =
        jdbc.update(
            "update surgical_case set study_code = :code, site_id = :site, version = version + 1,"
                + " updated_at = now(), updated_by = :user where id = :id and version = :version",
            new MapSqlParameterSource()
                .addValue("code", studyCode)
                .addValue("site", siteId)
                .addValue("user", user)
                .addValue("id", caseId)
                .addValue("version", expectedVersion));
    if (updated == 0) {
      throw new EditConflictException();
    }
  }

  public void setStatus(long caseId, CaseStatus status, String reason, String user) {
    jdbc.update(
        "update surgical_case set status = :status, withdrawal_reason = :reason,"
            + " withdrawn_at = case when :status = 'WITHDRAWN' then now() end,"
            + " withdrawn_by = case when :status = 'WITHDRAWN' then :user end,"
            + " version = version + 1, updated_at = now(), updated_by = :user where id = :id",
        new MapSqlParameterSource()
            .addValue("status", status.name())
            .addValue("reason", reason)
            .addValue("user", user)
            .addValue("id", caseId));
  }

  /** Deletes the case and, by cascade, every section; the audit trail stays. */
  public void purge(long caseId) {
    jdbc.update("delete from surgical_case where id = :id", Map.of("id", caseId));
  }

  /**
   * The cases of a series with the given study codes, by lower-case code, with their revisions
   * (moved by every change of the case, see V36): what an import's dry run saw and its commit
   * compares. One statement per {@value #CODES_PER_STATEMENT} codes, whatever the series' size.
   */
  public Map<String, Long> revisionsOfCodes(long seriesId, Collection<String> codes) {
    Map<String, Long> revisions = new HashMap<>();
    for (List<String> batch : batches(codes)) {
      jdbc.query(
          "select study_code, revision from surgical_case c where c.series_id = :series and "
              + CODE_IN_BATCH,
          Map.of("series", seriesId, "codes", batch.toArray(String[]::new)),
          (RowCallbackHandler)
              rs ->
                  revisions.put(
                      rs.getString("study_code").toLowerCase(Locale.ROOT), rs.getLong("revision")));
    }
    return revisions;
  }

  /**
   * The cases of a series with the given study codes, without their sections, by lower-case code:
   * memory in proportion to the codes asked for (an import's file), not to the series.
   */
  public Map<String, CaseHeader> headersOfCodes(long seriesId, Collection<String> codes) {
    Map<String, CaseHeader> headers = new HashMap<>();
    for (List<String> batch : batches(codes)) {
      jdbc.query(
          HEADER_SELECT + " where c.series_id = :series and " + CODE_IN_BATCH,
          Map.of("series", seriesId, "codes", batch.toArray(String[]::new)),
          (RowCallbackHandler)
              rs -> {
                CaseHeader header = mapHeader(rs, 0);
                headers.put(header.studyCode().toLowerCase(Locale.ROOT), header);
              });
    }
    return headers;
  }

  private static List<List<String>> batches(Collection<String> codes) {
    List<String> all = List.copyOf(new LinkedHashSet<>(codes));
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CODES_PER_STATEMENT) {
      batches.add(all.subList(from, Math.min(all.size(), from + CODES_PER_STATEMENT)));
    }
    return batches;
  }

  /** Every case of a series, without its sections (one statement). */
  public List<CaseHeader> headersOfSeries(long seriesId) {
    return jdbc.query(
        HEADER_SELECT + " where c.series_id = :series order by c.id",
        Map.of("series", seriesId),
        CaseStore::mapHeader);
  }

  private static CaseHeader mapHeader(ResultSet rs, int row) throws SQLException {
    return new CaseHeader(
        rs.getLong("id"),
        rs.getLong("series_id"),
        rs.getString("series_title"),
        rs.getLong("site_id"),
        rs.getString("site_code"),
        rs.getString("site_name"),
        rs.getString("study_code"),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getString("withdrawal_reason"),
        toInstant(rs.getTimestamp("withdrawn_at")),
        rs.getString("withdrawn_by"),
        rs.getBoolean("demo"),
        rs.getInt("version"),
        toInstant(rs.getTimestamp("created_at")),
        rs.getString("created_by"),
        toInstant(rs.getTimestamp("updated_at")),
        rs.getString("updated_by"));
  }

  private static Instant toInstant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  public static List<String> arrayOf(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? List.of() : new ArrayList<>(List.of((String[]) array.getArray()));
  }
}
