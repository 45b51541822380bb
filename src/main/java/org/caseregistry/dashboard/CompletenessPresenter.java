package org.caseregistry.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.caseregistry.catalog.Section;
import org.caseregistry.dashboard.DashboardData.CustomFilled;
import org.caseregistry.dashboard.DashboardView.Table;
import org.caseregistry.dashboard.chart.BarChart;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.dashboard.chart.Palette;

/**
 * The share of the cases with each built-in section of the series' form filled in, then each of its
 * custom fields answered (a repeating custom section: at least one item).
 */
final class CompletenessPresenter implements ChartPresenter {

  /** One bar: what is counted and in how many cases. */
  private record Row(String label, int filled) {}

  private final PanelContext context;
  private final List<Row> sections = new ArrayList<>();
  private final List<Row> custom = new ArrayList<>();
  private final List<CustomFilled> customCounts;

  CompletenessPresenter(PanelContext context) {
    this.context = context;
    DashboardData data = context.data();
    for (Section section : data.sectionsFilled().keySet()) {
      sections.add(new Row(context.msg(section.messageKey()), data.sectionsFilled().get(section)));
    }
    customCounts = data.customFilled();
    for (CustomFilled field : customCounts) {
      custom.add(new Row(label(field), field.filled()));
    }
  }

  /** A custom field's label, or its repeating section's, in the reader's language. */
  private String label(CustomFilled counted) {
    return counted.items()
        ? context.msg("dashboard.completeness.custom.items", counted.labelEn(), counted.labelVi())
        : context.msg("dashboard.completeness.custom", counted.labelEn(), counted.labelVi());
  }

  private double share(Row row) {
    int cases = context.data().cases();
    return cases == 0 ? 0 : 100.0 * row.filled() / cases;
  }

  @Override
  public Chart chart() {
    List<Row> rows = new ArrayList<>(sections);
    rows.addAll(custom);
    List<String> labels = rows.stream().map(Row::label).toList();
    List<Double> shares = rows.stream().map(this::share).toList();
    String summary =
        IntStream.range(0, labels.size())
            .mapToObj(i -> labels.get(i) + " " + context.numbers().decimal(shares.get(i), 1) + "%")
            .collect(Collectors.joining(", "));
    return context
        .bars(
            DashboardChart.COMPLETENESS,
            context.msg("dashboard.completeness.title"),
            context.msg(
                custom.isEmpty()
                    ? "dashboard.completeness.description"
                    : "dashboard.completeness.description.custom",
                context.data().cases(),
                summary))
        .categories(labels)
        .series(
            new BarChart.Series(context.msg("dashboard.completeness.share"), Palette.BLUE, shares))
        .horizontal()
        .axes(
            context.msg("dashboard.completeness.section"),
            context.msg(
                custom.isEmpty()
                    ? "dashboard.completeness.axis"
                    : "dashboard.completeness.axis.custom"))
        .upTo(100.0)
        .build();
  }

  @Override
  public List<Table> tables() {
    List<Table> tables = new ArrayList<>();
    tables.add(
        new Table(
            context.msg("dashboard.completeness.title"),
            List.of(
                context.msg("dashboard.completeness.section"),
                context.msg("dashboard.completeness.filled"),
                context.msg("dashboard.cases"),
                context.msg("dashboard.completeness.share")),
            sections.stream().map(this::cells).toList()));
    if (!custom.isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < custom.size(); i++) {
        CustomFilled counted = customCounts.get(i);
        List<String> row = new ArrayList<>();
        row.add(custom.get(i).label());
        row.add(
            context.msg("dashboard.completeness.custom", counted.sectionEn(), counted.sectionVi()));
        row.addAll(cells(custom.get(i)).subList(1, 4));
        rows.add(row);
      }
      tables.add(
          new Table(
              context.msg("dashboard.completeness.custom.title"),
              List.of(
                  context.msg("dashboard.completeness.field"),
                  context.msg("dashboard.completeness.section"),
                  context.msg("dashboard.completeness.answered"),
                  context.msg("dashboard.cases"),
                  context.msg("dashboard.completeness.share")),
              rows));
    }
    return tables;
  }

  private List<String> cells(Row row) {
    Numbers numbers = context.numbers();
    int cases = context.data().cases();
    return List.of(
        row.label(),
        numbers.integer(row.filled()),
        numbers.integer(cases),
        numbers.percent(row.filled(), cases));
  }

  @Override
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add(context.msg("dashboard.completeness.note"));
    if (!custom.isEmpty()) {
      notes.add(context.msg("dashboard.completeness.custom.note"));
    }
    return notes;
  }
}
