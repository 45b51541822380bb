package org.caseregistry.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingValueSql;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.ReportingDatabase;
import org.caseregistry.series.FormService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The data-quality page of a series, with three statements whatever its size: for every variable of
 * the single sections and every site, how many cases have it not entered, unknown or not applicable
 * (one aggregate pass, custom fields and their warnings included: {@link CustomQualityCounts}); the
 * warnings of the case checks counted by code; and the cases with warnings (at most {@link
 * #WARNING_LIMIT} entries listed).
 */
@Repository
class DataQuality {

  static final int WARNING_LIMIT = 1000;

  private static final String CONFIRMED_JOIN =
      " left join confirmed_warning cw on cw.case_id = c.id and cw.code = w.code";

  private final ReportingDatabase reporting;
  private final NamedParameterJdbcTemplate jdbc;
  private final FormService forms;

  DataQuality(ReportingDatabase reporting, FormService forms) {
    this.reporting = reporting;
    this.jdbc = reporting.jdbc();
    this.forms = forms;
  }

  record SiteColumn(long siteId, String siteCode, long cases) {}

  /** Missing values of one variable at each site, in the order of {@link Report#sites()}. */
  /**
   * @param total [not entered, unknown, not applicable] over all sites
   * @param complete nothing missing at any site
   */
  record VariableRow(Variable variable, List<long[]> bySite, long[] total, boolean complete) {}

  /**
   * The counts of one custom field (its labels in both languages: the page picks the reader's).
   *
   * @param bySite per site: [not entered, unknown, not applicable, required and left empty, outside
   *     the usual range]
   * @param total the same over all sites
   * @param complete nothing missing at any site
   */
  record CustomFieldRow(
      String section,
      String name,
      String sectionLabelEn,
      String sectionLabelVi,
      String labelEn,
      String labelVi,
      List<long[]> bySite,
      long[] total,
      boolean complete) {

    public String label(boolean vietnamese) {
      return vietnamese ? sectionLabelVi + ": " + labelVi : sectionLabelEn + ": " + labelEn;
    }
  }

  /**
   * @param code the stored warning code, e.g. "pn-mismatch" or "unusual-value:conduit_time_min"
   * @param confirmedReason why a coordinator confirmed it as correct; null while it is open
   */
  record Warning(
      long caseId, String studyCode, String siteCode, String code, String confirmedReason) {}

  /**
   * @param warningCounts open warnings by kind (confirmed ones not counted)
   * @param warningTotal open warnings
   * @param confirmedTotal warnings confirmed as correct (still listed, still in the dataset)
   */
  record Report(
      List<SiteColumn> sites,
      List<VariableRow> variables,
      List<CustomFieldRow> customFields,
      Map<String, Long> warningCounts,
      List<Warning> warnings,
      long warningTotal,
      long confirmedTotal) {}

  /** The variables of the single sections of the series' modules. */
  static List<Variable> variables(FormDefinition form) {
    return CaseVariables.all().stream()
        .filter(v -> !v.section().isList() && form.hasModule(v.section()))
        .toList();
  }

  Report report(ReportFilter filter) {
    // The form is read before the snapshot: its service opens its own (JPA) transaction.
    FormDefinition form = forms.current(filter.seriesId());
    return reporting.read(() -> reportInSnapshot(filter, form));
  }

  private Report reportInSnapshot(ReportFilter filter, FormDefinition form) {
    if (filter.seesNothing()) {
      return new Report(List.of(), List.of(), List.of(), Map.of(), List.of(), 0, 0);
    }
    List<Variable> variables = variables(form);
    MapSqlParameterSource params = new MapSqlParameterSource();
    StringBuilder sql =
        new StringBuilder("select h.id as site_id, h.code as site_code, count(*) as cases");
    for (int k = 0; k < variables.size(); k++) {
      Variable variable = variables.get(k);
      String[] kinds = {"ne", "un", "na"};
      for (MissingValueSql.Kind kind : MissingValueSql.Kind.values()) {
        sql.append(", count(*) filter (where ")
            .append(MissingValueSql.condition(variable, kind, ReportFilter.ALIASES))
            .append(") as ")
            .append(kinds[kind.ordinal()])
            .append(k);
      }
    }
    CustomQualityCounts custom = new CustomQualityCounts(form);
    sql.append(custom.select())
        .append(ReportFilter.FROM)
        .append(custom.joins())
        .append(filter.where(params))
        .append(" group by h.id, h.code order by h.code");

    List<SiteColumn> sites = new ArrayList<>();
    List<long[][]> perSite = new ArrayList<>();
    List<long[][]> customPerSite = new ArrayList<>();
    jdbc.query(
        sql.toString(),
        params,
        rs -> {
          sites.add(
              new SiteColumn(
                  rs.getLong("site_id"), rs.getString("site_code"), rs.getLong("cases")));
          long[][] counts = new long[variables.size()][3];
          for (int k = 0; k < variables.size(); k++) {
            counts[k][0] = rs.getLong("ne" + k);
            counts[k][1] = rs.getLong("un" + k);
            counts[k][2] = rs.getLong("na" + k);
          }
          perSite.add(counts);
          customPerSite.add(custom.read(rs));
        });
    List<VariableRow> rows = new ArrayList<>();
    for (int k = 0; k < variables.size(); k++) {
      List<long[]> bySite = new ArrayList<>();
      long[] total = new long[3];
      for (long[][] site : perSite) {
        bySite.add(site[k]);
        for (int i = 0; i < 3; i++) {
          total[i] += site[k][i];
        }
      }
      rows.add(
          new VariableRow(variables.get(k), bySite, total, total[0] + total[1] + total[2] == 0));
    }

    List<CustomFieldRow> customRows = customRows(custom, customPerSite);

    MapSqlParameterSource warningParams = new MapSqlParameterSource();
    String where = filter.where(warningParams) + " and c.warning_count > 0";
    Map<String, Long> counts = new LinkedHashMap<>();
    long[] confirmed = {0};
    // A warning confirmed as correct stays listed but no longer counts as open.
    jdbc.query(
        "select split_part(w.code, ':', 1) as code,"
            + " count(*) filter (where cw.case_id is null) as n,"
            + " count(*) filter (where cw.case_id is not null) as confirmed"
            + ReportFilter.FROM
            + " cross join lateral unnest(c.warning_codes) as w(code)"
            + CONFIRMED_JOIN
            + where
            + " group by split_part(w.code, ':', 1)"
            + " order by count(*) filter (where cw.case_id is null) desc, 1",
        warningParams,
        rs -> {
          if (rs.getLong("n") > 0) {
            counts.put(rs.getString("code"), rs.getLong("n"));
          }
          confirmed[0] += rs.getLong("confirmed");
        });
    List<Warning> warnings =
        jdbc.query(
            "select c.id, c.study_code, h.code as site_code, w.code, cw.reason"
                + ReportFilter.FROM
                + " cross join lateral unnest(c.warning_codes) as w(code)"
                + CONFIRMED_JOIN
                + where
                + " order by length(c.study_code), lower(c.study_code), c.id, w.code limit "
                + WARNING_LIMIT,
            warningParams,
            (rs, row) ->
                new Warning(
                    rs.getLong("id"),
                    rs.getString("study_code"),
                    rs.getString("site_code"),
                    rs.getString("code"),
                    rs.getString("reason")));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return new Report(sites, rows, customRows, counts, warnings, total, confirmed[0]);
  }

  private static List<CustomFieldRow> customRows(
      CustomQualityCounts custom, List<long[][]> perSite) {
    List<CustomFieldRow> rows = new ArrayList<>();
    for (int k = 0; k < custom.counted().size(); k++) {
      CustomQualityCounts.Counted counted = custom.counted().get(k);
      List<long[]> bySite = new ArrayList<>();
      long[] total = new long[CustomQualityCounts.COUNTS];
      for (long[][] site : perSite) {
        bySite.add(site[k]);
        for (int i = 0; i < total.length; i++) {
          total[i] += site[k][i];
        }
      }
      rows.add(
          new CustomFieldRow(
              counted.section().key(),
              counted.field().name(),
              counted.section().labelEn(),
              counted.section().labelVi(),
              counted.field().labelEn(),
              counted.field().labelVi(),
              bySite,
              total,
              total[0] + total[1] + total[2] == 0));
    }
    return rows;
  }
}
