package org.caseregistry.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseregistry.dashboard.DashboardView.Table;
import org.caseregistry.dashboard.chart.BarChart;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.followup.VisitWindow;

/** Where the cases stand at each follow-up window, stacked by category. */
final class FollowUpPresenter implements ChartPresenter {

  private final PanelContext context;
  private final Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp;

  FollowUpPresenter(PanelContext context) {
    this.context = context;
    this.followUp = context.data().followUp();
  }

  private String windowLabel(VisitWindow window) {
    return context.msg("dashboard.followup.window." + window.month());
  }

  @Override
  public Chart chart() {
    List<BarChart.Series> series = new ArrayList<>();
    for (FollowUpCategory category : FollowUpCategory.values()) {
      List<Double> values = new ArrayList<>();
      boolean any = false;
      for (VisitWindow window : VisitWindow.values()) {
        int n = followUp.get(window).getOrDefault(category, 0);
        any |= n > 0;
        values.add((double) n);
      }
      if (any) {
        series.add(
            new BarChart.Series(context.msg(category.messageKey()), category.color(), values));
      }
    }
    String summary =
        Arrays.stream(VisitWindow.values())
            .map(
                window ->
                    windowLabel(window)
                        + ": "
                        + followUp.get(window).entrySet().stream()
                            .filter(e -> e.getValue() > 0)
                            .map(e -> context.msg(e.getKey().messageKey()) + " " + e.getValue())
                            .collect(Collectors.joining(", ")))
            .collect(Collectors.joining("; "));
    return context
        .bars(
            DashboardChart.FOLLOW_UP,
            context.msg("dashboard.followup.title"),
            context.msg("dashboard.followup.description", context.data().cases(), summary))
        .categories(Arrays.stream(VisitWindow.values()).map(this::windowLabel).toList())
        .series(series)
        .horizontal()
        .stacked()
        .axes(context.msg("dashboard.followup.window"), context.msg("dashboard.followup.axis"))
        .build();
  }

  @Override
  public List<Table> tables() {
    Numbers numbers = context.numbers();
    List<String> header = new ArrayList<>();
    header.add(context.msg("dashboard.followup.status"));
    for (VisitWindow window : VisitWindow.values()) {
      header.add(windowLabel(window));
    }
    List<List<String>> rows = new ArrayList<>();
    for (FollowUpCategory category : FollowUpCategory.values()) {
      List<String> row = new ArrayList<>();
      row.add(context.msg(category.messageKey()));
      for (VisitWindow window : VisitWindow.values()) {
        int n = followUp.get(window).getOrDefault(category, 0);
        row.add(numbers.integer(n) + " (" + numbers.percent(n, context.data().cases()) + ")");
      }
      rows.add(row);
    }
    return List.of(new Table(context.msg("dashboard.followup.title"), header, rows));
  }

  @Override
  public List<String> notes() {
    return List.of(
        context.msg("dashboard.followup.note.windows"),
        context.msg("dashboard.followup.note.due", context.today().toString()));
  }
}
