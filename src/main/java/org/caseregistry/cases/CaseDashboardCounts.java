package org.caseregistry.cases;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.caseregistry.platform.ReportingDatabase;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How many active cases of a series have each value of each key the dashboard counts by: the counts
 * the database keeps with every write of a case ({@code case_dashboard_count}, V59, whose comment
 * lists the keys and how their values are written), published for the dashboard so that it reads as
 * many rows as there are distinct values instead of every case. One statement, on the reporting
 * database (inside the caller's snapshot when it opened one).
 */
@Repository
public class CaseDashboardCounts {

  /**
   * Which cases count: the active ones of a series, at the sites a reader may see ({@code
   * allowedSites} null: every site), of one site ({@code siteId} null: all).
   */
  public record Scope(long seriesId, Set<Long> allowedSites, Long siteId) {}

  /** {@code n} cases with this value of the key; {@code siteCode} null: summed over the sites. */
  public record Count(String key, String siteCode, String value, long n) {}

  /** Receives the counts one by one. */
  @FunctionalInterface
  public interface Receiver {
    void accept(Count count);
  }

  private final NamedParameterJdbcTemplate jdbc;

  CaseDashboardCounts(ReportingDatabase reporting) {
    this.jdbc = reporting.jdbc();
  }

  /**
   * The counts of these keys, summed over the sites in scope, except those of {@code keysBySite},
   * which come per site; and of the keys of {@code valuesFrom}, only the values from the one given
   * on, in text order (dates are written yyyy-mm-dd: text order is date order). The index of the
   * counts leads with the series and the key, so only what is asked for is read.
   */
  public void count(
      Scope scope,
      Collection<String> keys,
      Collection<String> keysBySite,
      Map<String, String> valuesFrom,
      Receiver receiver) {
    MapSqlParameterSource params = new MapSqlParameterSource("series", scope.seriesId());
    String sites = CountScope.sites(scope.allowedSites(), scope.siteId(), params);
    params.addValue("keys", keys.isEmpty() ? Set.of("") : keys);
    params.addValue("bySite", keysBySite.isEmpty() ? Set.of("") : keysBySite);
    // One branch per range, each a range of the index (series, key, value): an "or" of them
    // would leave the planner a scan of every count of the series.
    String counted =
        "select k.key, case when k.key in (:bySite) then h.code end as site, k.value, k.n"
            + " from case_dashboard_count k join hospital_site h on h.id = k.site_id"
            + " where k.series_id = :series"
            + sites
            + " and ";
    StringBuilder branches = new StringBuilder(counted).append("k.key in (:keys)");
    int range = 0;
    for (Map.Entry<String, String> from : valuesFrom.entrySet()) {
      branches.append(" union all ").append(counted);
      branches.append("k.key = :rangeKey").append(range);
      branches.append(" and k.value >= :rangeFrom").append(range);
      params.addValue("rangeKey" + range, from.getKey());
      params.addValue("rangeFrom" + range, from.getValue());
      range++;
    }
    String sql =
        "select key, site, value, sum(n) as n from ("
            + branches
            + ") as counted group by key, site, value having sum(n) <> 0";
    RowCallbackHandler rows =
        rs ->
            receiver.accept(
                new Count(
                    rs.getString("key"),
                    rs.getString("site"),
                    rs.getString("value"),
                    rs.getLong("n")));
    jdbc.query(sql, params, rows);
  }
}
