package org.caseregistry.report;

import java.time.Instant;
import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of every export. It is written before the first byte is sent, in its own transaction,
 * so that an export cut off half-way is recorded all the same. Public: the importing module records
 * its export in import format here too, so that the reports page lists every export of a series.
 */
@Repository
public class ExportAudit {

  public enum Kind {
    PATIENT_TABLES,
    SUMMARY,
    DATASET,
    /** The export in import format, recorded by the importing module into the same table. */
    IMPORT_FORMAT
  }

  record Entry(
      Instant exportedAt,
      String username,
      String role,
      Kind kind,
      String format,
      String filters,
      int caseCount,
      boolean identified) {}

  private final NamedParameterJdbcTemplate jdbc;

  ExportAudit(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(
      CurrentAccount account,
      long seriesId,
      Kind kind,
      String format,
      String filters,
      long caseCount,
      boolean identified) {
    jdbc.update(
        "insert into export_audit (username, role, series_id, kind, format, filters, case_count,"
            + " identified) values (:user, :role, :series, :kind, :format, :filters, :cases,"
            + " :identified)",
        new MapSqlParameterSource()
            .addValue("user", account.username())
            .addValue("role", account.role().name())
            .addValue("series", seriesId)
            .addValue("kind", kind.name())
            .addValue("format", format)
            .addValue(
                "filters",
                filters == null || filters.length() <= 1000 ? filters : filters.substring(0, 1000))
            .addValue("cases", (int) Math.min(Integer.MAX_VALUE, caseCount))
            .addValue("identified", identified));
  }

  @Transactional(readOnly = true)
  List<Entry> recent(long seriesId, int limit) {
    return jdbc.query(
        "select exported_at, username, role, kind, format, filters, case_count, identified"
            + " from export_audit where series_id = :series order by exported_at desc, id desc"
            + " limit :limit",
        new MapSqlParameterSource("series", seriesId).addValue("limit", limit),
        (rs, row) ->
            new Entry(
                rs.getTimestamp("exported_at").toInstant(),
                rs.getString("username"),
                rs.getString("role"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("format"),
                rs.getString("filters"),
                rs.getInt("case_count"),
                rs.getBoolean("identified")));
  }

  /** How many cases a filter covers, for the record. */
  @Transactional(readOnly = true)
  long count(ReportFilter filter) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    Long count =
        jdbc.queryForObject(
            "select count(*)" + ReportFilter.FROM + filter.where(params), params, Long.class);
    return count == null ? 0 : count;
  }
}
