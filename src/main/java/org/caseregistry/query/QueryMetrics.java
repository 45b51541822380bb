package org.caseregistry.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How a series' data cleaning goes, per site and overall, in one statement (grouping sets): open
 * and answered queries, the median number of days from opening to the first answer, the oldest
 * query still open, and the series' warnings not confirmed as correct.
 */
@Repository
public class QueryMetrics {

  /**
   * @param siteCode null for the whole series
   * @param medianDaysToAnswer null while no query of the group has been answered
   */
  public record Row(
      String siteCode,
      long open,
      long answered,
      long total,
      BigDecimal medianDaysToAnswer,
      Instant oldestOpenSince,
      Long oldestOpenQueryId) {

    public Long oldestOpenDays(Instant now) {
      return oldestOpenSince == null ? null : Duration.between(oldestOpenSince, now).toDays();
    }
  }

  /**
   * Per site (in site-code order), then the whole series; and the warnings of the series still open
   * (those confirmed as correct not counted).
   */
  public record Report(List<Row> sites, Row overall, long openWarnings) {}

  private final NamedParameterJdbcTemplate jdbc;

  QueryMetrics(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Report of(long seriesId, Set<Long> siteIds) {
    MapSqlParameterSource params = new MapSqlParameterSource("series", seriesId);
    String sites = "";
    if (siteIds != null) {
      sites = " and c.site_id in (:sites)";
      params.addValue("sites", siteIds.isEmpty() ? Set.of(-1L) : siteIds);
    }
    List<Row> rows = new ArrayList<>();
    Row[] overall = {new Row(null, 0, 0, 0, null, null, null)};
    long[] openWarnings = {0};
    // One statement: the grouping sets give a row per site and the whole series (that one even
    // without any query), and the open warnings ride along as a scalar subquery.
    jdbc.query(
        "select h.code, grouping(h.code) as whole,"
            + " count(q.id) filter (where q.state = 'OPEN') as open,"
            + " count(q.id) filter (where q.state = 'ANSWERED') as answered,"
            + " count(q.id) as total,"
            + " percentile_cont(0.5) within group (order by extract(epoch from"
            + " q.first_answered_at - q.opened_at) / 86400.0) as median_days,"
            + " min(q.opened_at) filter (where q.state <> 'CLOSED') as oldest,"
            + " (array_agg(q.id order by q.opened_at, q.id) filter (where q.state <> 'CLOSED'))[1]"
            + " as oldest_id,"
            + " (select count(*) from case_view c cross join lateral"
            + " unnest(c.warning_codes) as w(code) where c.series_id = :series"
            + " and c.status = 'ACTIVE'"
            + sites
            + " and not exists (select 1 from confirmed_warning cw where cw.case_id = c.id"
            + " and cw.code = w.code)) as open_warnings"
            + " from field_query q join case_view c on c.id = q.case_id"
            + " join hospital_site h on h.id = c.site_id"
            + " where q.series_id = :series and c.status = 'ACTIVE'"
            + sites
            + " group by grouping sets ((h.code), ()) order by grouping(h.code), h.code",
        params,
        rs -> {
          double median = rs.getDouble("median_days");
          BigDecimal medianDays =
              rs.wasNull() ? null : BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP);
          OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
          Row row =
              new Row(
                  rs.getString("code"),
                  rs.getLong("open"),
                  rs.getLong("answered"),
                  rs.getLong("total"),
                  medianDays,
                  oldest == null ? null : oldest.toInstant(),
                  rs.getObject("oldest_id", Long.class));
          if (rs.getInt("whole") == 1) {
            overall[0] = row;
            openWarnings[0] = rs.getLong("open_warnings");
          } else {
            rows.add(row);
          }
        });
    return new Report(rows, overall[0], openWarnings[0]);
  }
}
