package org.caseregistry.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.caseregistry.dashboard.DashboardData.Distribution;
import org.caseregistry.dashboard.DashboardView.Table;
import org.caseregistry.dashboard.chart.BarChart;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.dashboard.chart.Palette;

/**
 * A continuous variable's cases per range, known and not known, median (Q1; Q3), mean and range:
 * the Comprehensive Complication Index or the length of stay.
 */
final class DistributionPresenter implements ChartPresenter {

  /** The two variables shown, with their message prefix and bin labels. */
  enum Variable {
    CCI(
        DashboardChart.CCI,
        "cci",
        "0",
        "0.1–19.9",
        "20–39.9",
        "40–59.9",
        "60–79.9",
        "80–99.9",
        "100"),
    LENGTH_OF_STAY(
        DashboardChart.LENGTH_OF_STAY, "los", "≤ 7", "8–14", "15–21", "22–28", "29–42", "≥ 43");

    private final DashboardChart chart;
    private final String key;
    private final String[] bins;

    Variable(DashboardChart chart, String key, String... bins) {
      this.chart = chart;
      this.key = key;
      this.bins = bins;
    }
  }

  private final PanelContext context;
  private final Variable variable;
  private final Distribution distribution;

  DistributionPresenter(PanelContext context, Variable variable) {
    this.context = context;
    this.variable = variable;
    this.distribution =
        variable == Variable.CCI ? context.data().cci() : context.data().lengthOfStay();
  }

  private String msg(String suffix) {
    return context.msg("dashboard." + variable.key + "." + suffix);
  }

  /** Bin labels with the reader's decimal sign. */
  private String localBin(String label) {
    return label.replace(".", context.numbers().decimal(0.5, 1).substring(1, 2));
  }

  private String compact(Double value) {
    return context.numbers().compact(value, 1);
  }

  @Override
  public Chart chart() {
    List<Double> values = new ArrayList<>();
    for (int count : distribution.bins()) {
      values.add((double) count);
    }
    return context
        .bars(variable.chart, msg("title"), description())
        .categories(List.of(variable.bins).stream().map(this::localBin).toList())
        .series(
            new BarChart.Series(context.msg("dashboard.distribution.cases"), Palette.BLUE, values))
        .axes(msg("axis.bin"), context.msg("dashboard.distribution.cases"))
        .build();
  }

  private String description() {
    if (distribution.known() == 0) {
      return context.msg(
          "dashboard.distribution.description.empty", msg("title"), distribution.missing());
    }
    return context.msg(
        "dashboard.distribution.description",
        msg("title"),
        distribution.known(),
        distribution.missing(),
        compact(distribution.median()),
        compact(distribution.q1()),
        compact(distribution.q3()));
  }

  @Override
  public List<Table> tables() {
    Numbers numbers = context.numbers();
    List<List<String>> binRows = new ArrayList<>();
    for (int i = 0; i < variable.bins.length; i++) {
      binRows.add(List.of(localBin(variable.bins[i]), numbers.integer(distribution.bins()[i])));
    }
    List<String> missing =
        List.of(
            context.msg("dashboard.distribution.missing"), numbers.integer(distribution.missing()));
    binRows.add(missing);
    List<List<String>> stats = new ArrayList<>();
    stats.add(
        List.of(
            context.msg("dashboard.distribution.known"), numbers.integer(distribution.known())));
    stats.add(missing);
    if (distribution.known() > 0) {
      stats.add(
          List.of(
              context.msg("dashboard.distribution.median"),
              compact(distribution.median())
                  + " ("
                  + compact(distribution.q1())
                  + "; "
                  + compact(distribution.q3())
                  + ")"));
      stats.add(
          List.of(
              context.msg("dashboard.distribution.mean"), numbers.decimal(distribution.mean(), 1)));
      stats.add(
          List.of(
              context.msg("dashboard.distribution.range"),
              compact(distribution.min()) + "–" + compact(distribution.max())));
    }
    return List.of(
        new Table(
            msg("title"),
            List.of(
                context.msg("dashboard.distribution.bin"),
                context.msg("dashboard.distribution.cases")),
            binRows),
        new Table(
            msg("title"),
            List.of(
                context.msg("dashboard.distribution.statistic"),
                context.msg("dashboard.distribution.value")),
            stats));
  }

  @Override
  public List<String> notes() {
    return List.of(msg("note"));
  }
}
