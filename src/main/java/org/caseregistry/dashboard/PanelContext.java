package org.caseregistry.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.caseregistry.dashboard.chart.BarChart;
import org.caseregistry.dashboard.chart.BarChartBuilder;

/**
 * What every chart's presenter needs: the numbers, the survival split, today's date, and the
 * reader's language for texts and numbers.
 */
record PanelContext(
    DashboardData data,
    SurvivalSplit split,
    LocalDate today,
    DashboardPresenter.Messages messages,
    Numbers numbers) {

  String msg(String key, Object... args) {
    return messages.get(key, args);
  }

  /** How the charts write their values and ticks: up to one decimal. */
  DoubleFunction<String> compact() {
    return v -> numbers.compact(v, 1);
  }

  /** A bar chart of the dashboard, its values written as {@link #compact()}. */
  BarChartBuilder bars(DashboardChart chart, String title, String description) {
    return BarChart.builder(chart.slug(), title, description).valueFormat(compact());
  }

  /** The names of the codes in order, then "" (for the ones without a code). */
  static List<String> namesThenBlank(Enum<?>[] codes) {
    List<String> keys = new ArrayList<>();
    for (Enum<?> code : codes) {
      keys.add(code.name());
    }
    keys.add("");
    return keys;
  }
}
