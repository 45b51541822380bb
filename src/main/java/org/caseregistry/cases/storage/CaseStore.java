package org.caseregistry.cases.storage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.CaseCodes.CaseStatus;
import org.caseregistry.catalog.Section;
import org.caseregistry.platform.EditConflictException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The case rows (header, status, study code) and the reading of whole cases. The section tables
 * have one column per catalog variable, so the SQL is built from the catalog; section writes are
 * {@link SectionWriter}'s, the stored derived values {@link CaseDerivedValues}'s.
 *
 * <p>About 340 lines, kept whole for now: the header rows and the whole-case reads share the row
 * mapping and the gastric-module check, and this round moves the {@code cases} classes into
 * sub-packages; the whole-case reads ({@code load}, {@code loadSeries}, {@code single}, {@code
 * items}) are the part to take out into a reader of their own after that move.
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

  /**
   * The sections of many cases of a series at once: one statement per section table, however many
   * cases (imports and exports). Cases without any section are absent from the map.
   */
  public Map<Long, CaseData> loadSeries(long seriesId, Set<Long> caseIds) {
    Map<Long, Map<Section, SectionValues>> singles = new LinkedHashMap<>();
    Map<Long, Map<Section, List<SectionValues>>> lists = new LinkedHashMap<>();
    for (Section section : Section.values()) {
      jdbc.query(
          "select t.* from "
              + section.table()
              + " t join surgical_case c on c.id = t.case_id"
              + " where c.series_id = :series order by t.case_id"
              + (section.isList() ? ", t.position, t.id" : ""),
          Map.of("series", seriesId),
          rs -> {
            long caseId = rs.getLong("case_id");
            if (!caseIds.contains(caseId)) {
              return;
            }
            if (section.isList()) {
              lists
                  .computeIfAbsent(caseId, id -> new EnumMap<>(Section.class))
                  .computeIfAbsent(section, s -> new ArrayList<>())
                  .add(SectionRows.values(rs, section, rs.getLong("id")));
            } else {
              singles
                  .computeIfAbsent(caseId, id -> new EnumMap<>(Section.class))
                  .put(section, SectionRows.values(rs, section, null));
            }
          });
    }
    Map<Long, CaseData> loaded = new LinkedHashMap<>();
    for (Long caseId : caseIds) {
      Map<Section, List<SectionValues>> items = new EnumMap<>(Section.class);
      for (Section section : Section.values()) {
        if (section.isList()) {
          items.put(
              section,
              List.copyOf(lists.getOrDefault(caseId, Map.of()).getOrDefault(section, List.of())));
        }
      }
      loaded.put(
          caseId,
          new CaseData(
              new EnumMap<>(singles.getOrDefault(caseId, new EnumMap<>(Section.class))), items));
    }
    return loaded;
  }

  // ---------------------------------------------------------------- sections

  private static final String GASTRIC_ROWS_EXIST =
      Arrays.stream(Section.values())
          .filter(Section::isGastric)
          .map(section -> "exists(select 1 from " + section.table() + " where case_id = :id)")
          .collect(Collectors.joining(" or ", "select ", ""));

  /** Whether any section of the gastrectomy module holds a row for the case. */
  private boolean recordedWithGastricModule(long caseId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(GASTRIC_ROWS_EXIST, Map.of("id", caseId), Boolean.class));
  }

  public CaseData load(long caseId) {
    Map<Section, SectionValues> singles = new EnumMap<>(Section.class);
    Map<Section, List<SectionValues>> lists = new EnumMap<>(Section.class);
    // A case holds one procedure's sections: one statement saves reading the other's tables.
    boolean gastric = recordedWithGastricModule(caseId);
    for (Section section : Section.values()) {
      if (gastric ? section.isEsophagusOnly() : section.isGastric()) {
        if (section.isList()) {
          lists.put(section, List.of());
        }
      } else if (section.isList()) {
        lists.put(section, items(caseId, section));
      } else {
        single(caseId, section).ifPresent(values -> singles.put(section, values));
      }
    }
    return new CaseData(singles, lists);
  }

  public Optional<SectionValues> single(long caseId, Section section) {
    return jdbc
        .query(
            "select * from " + section.table() + " where case_id = :case",
            Map.of("case", caseId),
            (rs, row) -> SectionRows.values(rs, section, null))
        .stream()
        .findFirst();
  }

  public List<SectionValues> items(long caseId, Section section) {
    return jdbc.query(
        "select * from " + section.table() + " where case_id = :case order by position, id",
        Map.of("case", caseId),
        (rs, row) -> SectionRows.values(rs, section, rs.getLong("id")));
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
