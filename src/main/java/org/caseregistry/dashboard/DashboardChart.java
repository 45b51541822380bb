package org.caseregistry.dashboard;

import org.caseregistry.dashboard.DashboardData.Part;

/** The dashboard's charts, by the name used in their download URLs, with the part each needs. */
enum DashboardChart {
  ENROLMENT("enrolment", Part.ENROLMENT),
  COMPLETENESS("completeness", Part.COMPLETENESS),
  CLAVIEN_DINDO("clavien-dindo", Part.COMPLICATIONS),
  ECCG_CATEGORIES("eccg-categories", Part.COMPLICATIONS),
  CCI("cci", Part.DISTRIBUTIONS),
  LENGTH_OF_STAY("length-of-stay", Part.DISTRIBUTIONS),
  FOLLOW_UP("follow-up", Part.FOLLOW_UP),
  OVERALL_SURVIVAL("overall-survival", Part.SURVIVAL),
  RECURRENCE_FREE_SURVIVAL("recurrence-free-survival", Part.SURVIVAL);

  private final String slug;
  private final Part part;

  DashboardChart(String slug, Part part) {
    this.slug = slug;
    this.part = part;
  }

  String slug() {
    return slug;
  }

  Part part() {
    return part;
  }

  static DashboardChart fromSlug(String slug) {
    for (DashboardChart chart : values()) {
      if (chart.slug.equals(slug)) {
        return chart;
      }
    }
    return null;
  }
}
