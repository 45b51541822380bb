package org.caseregistry.cases;

import java.util.ArrayList;
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
 * counts). The custom fields of single custom sections are counted alike per key of their JSON and
 * kind of JSON value ({@code case_custom_value_count}, V58), whatever the form: the reader decides
 * from a field's current type how the kinds read. One statement, on the reporting database.
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

  /** A field of a single custom section, whose counts are kept per key of the section's JSON. */
  public record CustomField(String section, String field) {}

  /**
   * {@code n} cases of a site whose custom field holds a value of this kind: a JSON type ({@code
   * number}, {@code string}, {@code boolean}, {@code null}, {@code array}, {@code object}; {@code
   * value} the scalar as text), {@code code} (one string of an array, a ticked check box), or
   * {@code reason} (no value, this missing reason). A JSON null keeps the field's missing reason.
   */
  public record CustomCount(
      String siteCode,
      String section,
      String field,
      String kind,
      String value,
      String reason,
      long n) {}

  /** The case numbers and the counts of the variables, and the counts of the custom fields. */
  public record Counted(List<Count> counts, List<CustomCount> custom) {}

  private final NamedParameterJdbcTemplate jdbc;

  CaseValueCounts(ReportingDatabase reporting) {
    this.jdbc = reporting.jdbc();
  }

  /** The number of cases of every site with any, then the counts of these variables. */
  public List<Count> count(Scope scope, Collection<String> variables) {
    return count(scope, variables, List.of()).counts();
  }

  /**
   * The number of cases of every site with any, the counts of these variables and of these custom
   * fields (none: the statement of the built-in variables alone).
   */
  public Counted count(Scope scope, Collection<String> variables, Collection<CustomField> fields) {
    MapSqlParameterSource params = new MapSqlParameterSource("series", scope.seriesId());
    String sites = CountScope.sites(scope.allowedSites(), scope.siteId(), params);
    params.addValue("variables", variables.isEmpty() ? Set.of("") : variables);
    String sql =
        "select h.code as site, cast(null as text) as section, cast(null as text) as variable,"
            + " cast(null as text) as kind, cast(null as text) as value,"
            + " cast(null as text) as reason, sum(k.n) as n"
            + " from case_count k join hospital_site h on h.id = k.site_id"
            + " where k.series_id = :series and k.status = 'ACTIVE'"
            + sites
            + (scope.lockedOnly() ? " and k.sign_off = 'LOCKED'" : "")
            + " group by h.code having sum(k.n) <> 0"
            + " union all"
            + " select h.code, null, k.variable, null, k.value, k.reason, sum(k.n)"
            + " from case_value_count k join hospital_site h on h.id = k.site_id"
            + " where k.series_id = :series and k.variable in (:variables)"
            + sites
            + (scope.lockedOnly() ? " and k.locked" : "")
            + " group by h.code, k.variable, k.value, k.reason having sum(k.n) <> 0";
    if (!fields.isEmpty()) {
      // Every pair of the asked sections and fields is read; the caller takes its own pairs.
      params.addValue("sections", fields.stream().map(CustomField::section).toList());
      params.addValue("fields", fields.stream().map(CustomField::field).toList());
      sql +=
          " union all"
              + " select h.code, k.section_key, k.field, k.kind, k.value, k.reason, sum(k.n)"
              + " from case_custom_value_count k join hospital_site h on h.id = k.site_id"
              + " where k.series_id = :series and k.section_key in (:sections)"
              + " and k.field in (:fields)"
              + sites
              + (scope.lockedOnly() ? " and k.locked" : "")
              + " group by h.code, k.section_key, k.field, k.kind, k.value, k.reason"
              + " having sum(k.n) <> 0";
    }
    List<Count> counts = new ArrayList<>();
    List<CustomCount> custom = new ArrayList<>();
    jdbc.query(
        sql,
        params,
        rs -> {
          String section = rs.getString("section");
          if (section == null) {
            counts.add(
                new Count(
                    rs.getString("site"),
                    rs.getString("variable"),
                    rs.getString("value"),
                    rs.getString("reason"),
                    rs.getLong("n")));
          } else {
            custom.add(
                new CustomCount(
                    rs.getString("site"),
                    section,
                    rs.getString("variable"),
                    rs.getString("kind"),
                    rs.getString("value"),
                    rs.getString("reason"),
                    rs.getLong("n")));
          }
        });
    return new Counted(counts, custom);
  }
}
