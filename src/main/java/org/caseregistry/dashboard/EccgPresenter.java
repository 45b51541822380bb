package org.caseregistry.dashboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.catalog.GastricCodes.GastricComplication;
import org.caseregistry.complication.EccgCategory;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.dashboard.DashboardData.Complications;
import org.caseregistry.dashboard.DashboardData.Counts;
import org.caseregistry.dashboard.DashboardView.Table;
import org.caseregistry.dashboard.chart.BarChart;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.dashboard.chart.Palette;

/** Complications per ECCG category, with the items that occurred and the number of patients. */
final class EccgPresenter implements ChartPresenter {

  private final PanelContext context;
  private final Complications complications;

  EccgPresenter(PanelContext context) {
    this.context = context;
    this.complications = context.data().complications();
  }

  private String categoryLabel(String key) {
    return key.isEmpty()
        ? context.msg("dashboard.eccg.type-not-recorded")
        : context.msg(EccgCategory.valueOf(key).messageKey());
  }

  @Override
  public Chart chart() {
    Map<String, Counts> byCategory = complications.byCategory();
    List<String> keys = PanelContext.namesThenBlank(EccgCategory.values());
    List<Double> values =
        keys.stream()
            .map(k -> (double) byCategory.getOrDefault(k, new Counts(0, 0)).complications())
            .toList();
    String summary =
        keys.stream()
            .filter(k -> byCategory.containsKey(k))
            .map(k -> categoryLabel(k) + " " + byCategory.get(k).complications())
            .collect(Collectors.joining(", "));
    return context
        .bars(
            DashboardChart.ECCG_CATEGORIES,
            context.msg("dashboard.eccg.title"),
            context.msg("dashboard.eccg.description", summary.isEmpty() ? "0" : summary))
        .categories(keys.stream().map(this::categoryLabel).toList())
        .series(
            new BarChart.Series(context.msg("dashboard.cd.complications"), Palette.ORANGE, values))
        .horizontal()
        .axes(context.msg("dashboard.eccg.category"), context.msg("dashboard.cd.complications"))
        .build();
  }

  /** Per category, then its items that occurred (indented), then complications without a type. */
  @Override
  public List<Table> tables() {
    List<List<String>> rows = new ArrayList<>();
    for (String key : PanelContext.namesThenBlank(EccgCategory.values())) {
      rows.add(row(categoryLabel(key), complications.byCategory().get(key)));
      if (key.isEmpty()) {
        continue;
      }
      Set<String> listed = new HashSet<>();
      for (EccgComplication item : EccgComplication.inCategory(EccgCategory.valueOf(key))) {
        listed.add(item.name());
        itemRow(rows, item.name(), item.messageKey());
      }
      // A gastric series' items (duodenal stump leak, pancreatic fistula, ...) in the same
      // category.
      for (GastricComplication item : GastricComplication.values()) {
        if (item.category().name().equals(key) && !listed.contains(item.name())) {
          itemRow(rows, item.name(), "code.GastricComplication." + item.name());
        }
      }
    }
    return List.of(
        new Table(
            context.msg("dashboard.eccg.title"),
            List.of(
                context.msg("dashboard.eccg.category"),
                context.msg("dashboard.cd.complications"),
                context.msg("dashboard.eccg.patients")),
            rows));
  }

  /** An item's row, indented under its category, when it occurred. */
  private void itemRow(List<List<String>> rows, String item, String messageKey) {
    Counts counts = complications.byItem().get(item);
    if (counts != null) {
      rows.add(row("– " + context.msg(messageKey), counts));
    }
  }

  private List<String> row(String label, Counts counts) {
    Counts counted = counts == null ? new Counts(0, 0) : counts;
    return List.of(
        label,
        context.numbers().integer(counted.complications()),
        context.numbers().integer(counted.patients()));
  }

  @Override
  public List<String> notes() {
    return List.of(context.msg("dashboard.complications.note"));
  }
}
