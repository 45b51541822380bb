package org.caseregistry.dashboard;

import java.util.function.Function;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.dashboard.DistributionPresenter.Variable;

/**
 * The dashboard's charts, by the name used in their download URLs, with the part each needs and the
 * presenter that draws it.
 */
enum DashboardChart {
  ENROLMENT("enrolment", Part.ENROLMENT, EnrolmentPresenter::new),
  COMPLETENESS("completeness", Part.COMPLETENESS, CompletenessPresenter::new),
  CLAVIEN_DINDO("clavien-dindo", Part.COMPLICATIONS, ClavienDindoPresenter::new),
  ECCG_CATEGORIES("eccg-categories", Part.COMPLICATIONS, EccgPresenter::new),
  CCI("cci", Part.DISTRIBUTIONS, c -> new DistributionPresenter(c, Variable.CCI)),
  LENGTH_OF_STAY(
      "length-of-stay",
      Part.DISTRIBUTIONS,
      c -> new DistributionPresenter(c, Variable.LENGTH_OF_STAY)),
  FOLLOW_UP("follow-up", Part.FOLLOW_UP, FollowUpPresenter::new),
  OVERALL_SURVIVAL("overall-survival", Part.SURVIVAL, c -> new SurvivalPresenter(c, true)),
  RECURRENCE_FREE_SURVIVAL(
      "recurrence-free-survival", Part.SURVIVAL, c -> new SurvivalPresenter(c, false));

  private final String slug;
  private final Part part;
  private final Function<PanelContext, ChartPresenter> presenter;

  DashboardChart(String slug, Part part, Function<PanelContext, ChartPresenter> presenter) {
    this.slug = slug;
    this.part = part;
    this.presenter = presenter;
  }

  String slug() {
    return slug;
  }

  Part part() {
    return part;
  }

  ChartPresenter presenter(PanelContext context) {
    return presenter.apply(context);
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
