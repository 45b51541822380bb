package org.caseregistry.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseregistry.dashboard.DashboardView.KeyFigure;
import org.caseregistry.dashboard.DashboardView.Panel;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.dashboard.survival.KaplanMeierCurve;
import org.caseregistry.platform.NotFoundException;

/**
 * Turns the dashboard's numbers into charts, tables and sentences in the reader's language. The
 * numbers are computed once (in the database and the survival estimator); the chart, its text
 * alternative and the table behind it all come from the same values, in one presenter per chart
 * (see {@link DashboardChart}).
 */
final class DashboardPresenter {

  /** Message lookup in the reader's language. */
  interface Messages {
    String get(String key, Object... args);
  }

  private final PanelContext context;

  DashboardPresenter(
      DashboardData data,
      SurvivalSplit split,
      LocalDate today,
      Messages messages,
      Numbers numbers) {
    this.context = new PanelContext(data, split, today, messages, numbers);
  }

  /**
   * The page: the key figures, then a panel per chart whose numbers were counted, in the order of
   * {@link DashboardChart}, the leak rate after the complications.
   */
  DashboardView view() {
    DashboardData data = context.data();
    List<KeyFigure> figures = new ArrayList<>();
    figures.add(
        new KeyFigure(
            "figure-cases",
            context.msg("dashboard.cases"),
            context.numbers().integer(data.cases()),
            context.msg("dashboard.cases.detail")));
    List<Panel> panels = new ArrayList<>();
    for (DashboardChart which : DashboardChart.values()) {
      if (data.counted(which)) {
        panels.add(which.presenter(context).panel());
      }
      if (which == DashboardChart.ECCG_CATEGORIES && data.complications() != null) {
        LeakPresenter leak = new LeakPresenter(context);
        figures.add(leak.figure());
        panels.add(leak.panel());
      }
    }
    return new DashboardView(figures, panels);
  }

  /** One chart; 404 when its numbers are not counted (e.g. a module the form switches off). */
  Chart chart(DashboardChart which) {
    if (!context.data().counted(which)) {
      throw new NotFoundException();
    }
    return which.presenter(context).chart();
  }

  /** The Kaplan-Meier curves per group key, in the order the chart shows them. */
  Map<String, KaplanMeierCurve> curves(boolean overall) {
    return new SurvivalPresenter(context, overall).curves();
  }
}
