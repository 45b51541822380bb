package org.caseregistry.cases;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.caseregistry.platform.ReportingDatabase;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * How many active cases of a series hold each value of each summary variable, per site: the counts
 * the database keeps with every write of a case ({@code case_value_count}, V56, beside the case
 * counts of {@code case_count}), published for the summary table so that it reads a few thousand
 * counts instead of every case. A variable is named as its column (the derived ones as their {@code
 * surgical_case} column); a count without value has the missing reason its section records, and
 * cases with neither value nor reason are not counted (the site's number of cases minus the
 * counts). One statement, on the reporting database.
 */
@Repository
public class CaseValueCounts {

  /**
   * Which cases count: the active ones of a series, at the sites a reader may see ({@code
   * allowedSites} null: every site), of one site, only the locked ones.
   */
  public record Scope(long seriesId, Set<Long> allowedSites, Long siteId, boolean lockedOnly) {}

  /**
   * {@code n} cases of a site: with this value (as text) or, value null, this missing reason; or,
   * {@code variable} null, the number of cases of the site.
   */
  public record Count(String siteCode, String variable, String value, String reason, long n) {}

  private final NamedParameterJdbcTemplate jdbc;

  CaseValueCounts(ReportingDatabase reporting) {
    this.jdbc = reporting.jdbc();
  }

  /** The number of cases of every site with any, then the counts of these variables. */
  public List<Count> count(Scope scope, Collection<String> variables) {
    MapSqlParameterSource params = new MapSqlParameterSource("series", scope.seriesId());
    String sites = CountScope.sites(scope.allowedSites(), scope.siteId(), params);
    params.addValue("variables", variables.isEmpty() ? Set.of("") : variables);
    String sql =
        "select h.code as site, cast(null as text) as variable, cast(null as text) as value,"
            + " cast(null as text) as reason, sum(k.n) as n"
            + " from case_count k join hospital_site h on h.id = k.site_id"
            + " where k.series_id = :series and k.status = 'ACTIVE'"
            + sites
            + (scope.lockedOnly() ? " and k.sign_off = 'LOCKED'" : "")
            + " group by h.code having sum(k.n) <> 0"
            + " union all"
            + " select h.code, k.variable, k.value, k.reason, sum(k.n)"
            + " from case_value_count k join hospital_site h on h.id = k.site_id"
            + " where k.series_id = :series and k.variable in (:variables)"
            + sites
            + (scope.lockedOnly() ? " and k.locked" : "")
            + " group by h.code, k.variable, k.value, k.reason having sum(k.n) <> 0";
    return jdbc.query(
        sql,
        params,
        (rs, row) ->
            new Count(
                rs.getString("site"),
                rs.getString("variable"),
                rs.getString("value"),
                rs.getString("reason"),
                rs.getLong("n")));
  }
}
