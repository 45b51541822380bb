package org.caseregistry.dashboard;

import java.util.List;
import org.caseregistry.dashboard.DashboardView.Panel;
import org.caseregistry.dashboard.DashboardView.Table;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.dashboard.chart.ChartImages;

/**
 * One chart of the dashboard: the picture, the tables of its numbers, and how they were counted.
 */
interface ChartPresenter {

  Chart chart();

  List<Table> tables();

  List<String> notes();

  /** The chart as a panel of the page, drawn inline. */
  default Panel panel() {
    Chart chart = chart();
    return new Panel(
        chart.name(),
        chart.title(),
        ChartImages.inlineSvg(chart),
        chart.description(),
        tables(),
        notes());
  }
}
