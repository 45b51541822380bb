package org.caseregistry.dashboard;

import org.caseregistry.catalog.CaseCodes;

/**
 * The variables the survival curves can be split by, each with the SQL expression that gives a
 * case's group in the scan of the cases (a closed list: nothing from the request reaches the SQL
 * text). The dashboard reads kept counts instead, whose keys carry the group (V59, {@link
 * DashboardCounts}); the tests compare them with the scan.
 */
enum SurvivalSplit {
  NONE("'ALL'", null),
  SITE("h.code", null),
  ABDOMINAL_APPROACH(
      "coalesce(o.abdominal_approach, 'NOT_RECORDED')", CaseCodes.AbdominalApproach.class),
  NEOADJUVANT_THERAPY(
      "coalesce(n.neoadjuvant_therapy, 'NOT_RECORDED')", CaseCodes.NeoadjuvantTherapy.class);

  /** The group of cases whose value is not entered. */
  static final String NOT_RECORDED = "NOT_RECORDED";

  private final String sql;
  private final Class<? extends Enum<?>> codeType;

  SurvivalSplit(String sql, Class<? extends Enum<?>> codeType) {
    this.sql = sql;
    this.codeType = codeType;
  }

  String sql() {
    return sql;
  }

  /** The catalog's code type whose labels name the groups (code.Type.VALUE), or null. */
  Class<? extends Enum<?>> codeType() {
    return codeType;
  }

  String slug() {
    return name().toLowerCase().replace('_', '-');
  }

  String messageKey() {
    return "dashboard.split." + slug();
  }

  static SurvivalSplit fromSlug(String slug) {
    if (slug == null || slug.isBlank()) {
      return NONE;
    }
    for (SurvivalSplit split : values()) {
      if (split.slug().equals(slug)) {
        return split;
      }
    }
    return NONE;
  }
}
