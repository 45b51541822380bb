package org.caseregistry.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caseregistry.catalog.Section;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which cases a report covers: the active cases of one series, at the sites the account may see
 * (null: every site, for admins), optionally one site, an operation date range, and only the locked
 * cases (signed off, read-only: the data a paper may quote). Withdrawn cases are never included.
 */
record ReportFilter(
    long seriesId,
    Set<Long> allowedSites,
    Long siteId,
    LocalDate from,
    LocalDate to,
    boolean lockedOnly) {

  ReportFilter(long seriesId, Set<Long> allowedSites, Long siteId, LocalDate from, LocalDate to) {
    this(seriesId, allowedSites, siteId, from, to, false);
  }

  /**
   * The single sections by alias, each read through the view cases publishes of it ({@link
   * Section#view()}), joined to every case (one row per case at most).
   */
  static final Map<Section, String> ALIASES =
      Map.ofEntries(
          Map.entry(Section.PATIENT, "pa"),
          Map.entry(Section.TUMOUR, "tu"),
          Map.entry(Section.NEOADJUVANT, "ne"),
          Map.entry(Section.OPERATION, "op"),
          Map.entry(Section.POSTOP, "po"),
          Map.entry(Section.PATHOLOGY, "pth"),
          Map.entry(Section.ADJUVANT, "ad"),
          Map.entry(Section.GASTRIC_TUMOUR, "gtu"),
          Map.entry(Section.GASTRIC_OPERATION, "gop"),
          Map.entry(Section.GASTRIC_POSTOP, "gpo"),
          Map.entry(Section.GASTRIC_PATHOLOGY, "gpth"));

  /** The operation date of either procedure's operation section. */
  static final String OPERATION_DATE = "coalesce(op.operation_date, gop.gastric_operation_date)";

  /**
   * The cases with their site and every single section, all read through the views cases publishes
   * (Flyway V57, never its tables); the cases are {@code c}.
   */
  static final String FROM =
      " from case_view c join hospital_site h on h.id = c.site_id"
          + " left join case_patient_view pa on pa.case_id = c.id"
          + " left join case_tumour_view tu on tu.case_id = c.id"
          + " left join case_neoadjuvant_view ne on ne.case_id = c.id"
          + " left join case_operation_view op on op.case_id = c.id"
          + " left join case_postop_view po on po.case_id = c.id"
          + " left join case_pathology_view pth on pth.case_id = c.id"
          + " left join case_adjuvant_view ad on ad.case_id = c.id"
          + " left join case_gastric_tumour_view gtu on gtu.case_id = c.id"
          + " left join case_gastric_operation_view gop on gop.case_id = c.id"
          + " left join case_gastric_postop_view gpo on gpo.case_id = c.id"
          + " left join case_gastric_pathology_view gpth on gpth.case_id = c.id";

  /** True when the account may see no site of the series at all: every report is empty. */
  boolean seesNothing() {
    return allowedSites != null && allowedSites.isEmpty();
  }

  /** The where clause (with " where "), adding its parameters. */
  String where(MapSqlParameterSource params) {
    StringBuilder where = new StringBuilder(" where c.series_id = :series and c.status = 'ACTIVE'");
    params.addValue("series", seriesId);
    if (allowedSites != null) {
      where.append(" and c.site_id in (:allowedSites)");
      params.addValue("allowedSites", allowedSites.isEmpty() ? Set.of(-1L) : allowedSites);
    }
    if (siteId != null) {
      where.append(" and c.site_id = :site");
      params.addValue("site", siteId);
    }
    if (from != null) {
      where.append(" and " + OPERATION_DATE + " >= :from");
      params.addValue("from", Date.valueOf(from));
    }
    if (to != null) {
      where.append(" and " + OPERATION_DATE + " <= :to");
      params.addValue("to", Date.valueOf(to));
    }
    if (lockedOnly) {
      where.append(" and c.sign_off = 'LOCKED'");
    }
    return where.toString();
  }

  /** For the export audit: the filters as a person reads them. */
  String describe() {
    StringBuilder text = new StringBuilder();
    if (siteId != null) {
      text.append("site=").append(siteId).append(' ');
    }
    if (from != null) {
      text.append("from=").append(from).append(' ');
    }
    if (to != null) {
      text.append("to=").append(to).append(' ');
    }
    if (lockedOnly) {
      text.append("locked-only ");
    }
    if (allowedSites != null) {
      text.append("sites=").append(new TreeSet<>(allowedSites)).append(' ');
    }
    return text.toString().strip();
  }
}
