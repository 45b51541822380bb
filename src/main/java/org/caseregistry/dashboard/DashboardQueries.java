package org.caseregistry.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.caseregistry.cases.CaseDashboardCounts;
import org.caseregistry.dashboard.DashboardData.CustomFilled;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.ReportingDatabase;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's SQL, in at most two statements whatever the number of cases: the counts the
 * database keeps of every key the page needs ({@link DashboardCounts}, which reads them through
 * cases' {@link CaseDashboardCounts}: sections filled, distributions, complications, enrolment,
 * follow-up windows, survival), and, for a form with custom sections, the custom fields answered
 * ({@link CustomCompletenessQuery}, still a pass over the series' custom sections: a form's custom
 * fields are not kept counted). What comes back is bounded by the number of distinct values, never
 * one row per case.
 */
@Repository
class DashboardQueries {

  /**
   * CCI bins: 0 | 0.1–19.9 | 20–39.9 | 40–59.9 | 60–79.9 | 80–99.9 | 100 (lower bounds included).
   */
  static final double[] CCI_BOUNDS = {0.1, 20, 40, 60, 80, 100};

  /** Length-of-stay bins in days: ≤ 7 | 8–14 | 15–21 | 22–28 | 29–42 | ≥ 43. */
  static final int[] LENGTH_OF_STAY_BOUNDS = {8, 15, 22, 29, 43};

  private final ReportingDatabase reporting;
  private final NamedParameterJdbcTemplate jdbc;
  private final CaseDashboardCounts counts;

  DashboardQueries(ReportingDatabase reporting, CaseDashboardCounts counts) {
    this.reporting = reporting;
    this.jdbc = reporting.jdbc();
    this.counts = counts;
  }

  /**
   * Which cases count: active cases of the series, of the sites the reader may see ({@code
   * allowedSites} null for admins), of one site when {@code siteId} is given.
   */
  record Scope(long seriesId, Long siteId, Set<Long> allowedSites) {

    String where() {
      return " c.series_id = :series and c.status = 'ACTIVE'"
          + (allowedSites == null ? "" : " and c.site_id in (:allowed)")
          + (siteId == null ? "" : " and c.site_id = :site");
    }

    MapSqlParameterSource params() {
      MapSqlParameterSource params = new MapSqlParameterSource("series", seriesId);
      if (allowedSites != null) {
        params.addValue("allowed", allowedSites.isEmpty() ? Set.of(-1L) : allowedSites);
      }
      if (siteId != null) {
        params.addValue("site", siteId);
      }
      return params;
    }
  }

  /**
   * Everything the parts need, in one snapshot: the kept counts, then the custom fields of the
   * series' form when asked for.
   */
  DashboardData load(
      Scope scope, Set<Part> parts, SurvivalSplit split, LocalDate today, FormDefinition form) {
    return reporting.read(() -> loadInSnapshot(scope, parts, split, today, form));
  }

  private DashboardData loadInSnapshot(
      Scope scope, Set<Part> parts, SurvivalSplit split, LocalDate today, FormDefinition form) {
    DashboardCounts counted = DashboardCounts.read(counts, scope, parts, split, today);
    CaseTally tally = counted.tally();
    DashboardData data =
        new DashboardData(
            tally.cases(),
            tally.filled(),
            List.of(),
            true,
            parts.contains(Part.ENROLMENT) ? tally.enrolment() : null,
            parts.contains(Part.COMPLICATIONS) ? counted.complications() : null,
            parts.contains(Part.DISTRIBUTIONS) ? tally.cci() : null,
            parts.contains(Part.DISTRIBUTIONS) ? tally.lengthOfStay() : null,
            parts.contains(Part.FOLLOW_UP) ? tally.followUp() : null,
            parts.contains(Part.SURVIVAL) ? tally.survival(split) : null);
    List<CustomFilled> custom =
        parts.contains(Part.COMPLETENESS)
            ? CustomCompletenessQuery.count(jdbc, scope, form)
            : List.of();
    return data.forForm(form.modules(), custom);
  }
}
