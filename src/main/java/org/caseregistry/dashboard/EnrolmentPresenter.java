package org.caseregistry.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.caseregistry.dashboard.DashboardData.EnrolmentCount;
import org.caseregistry.dashboard.DashboardView.Table;
import org.caseregistry.dashboard.chart.BarChart;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.dashboard.chart.Palette;

/** Enrolment per month and site, stacked by site, every month from the first to the last. */
final class EnrolmentPresenter implements ChartPresenter {

  private final PanelContext context;
  private final List<YearMonth> months;
  private final List<String> sites;
  private final Map<String, Map<YearMonth, Integer>> bySite = new TreeMap<>();

  EnrolmentPresenter(PanelContext context) {
    this.context = context;
    List<EnrolmentCount> enrolment = context.data().enrolment();
    TreeSet<YearMonth> present = new TreeSet<>();
    enrolment.forEach(row -> present.add(YearMonth.from(row.month())));
    months = new ArrayList<>();
    if (!present.isEmpty()) {
      for (YearMonth m = present.first(); !m.isAfter(present.last()); m = m.plusMonths(1)) {
        months.add(m);
      }
    }
    sites = enrolment.stream().map(EnrolmentCount::site).distinct().sorted().toList();
    for (EnrolmentCount row : enrolment) {
      bySite
          .computeIfAbsent(row.site(), s -> new TreeMap<>())
          .merge(YearMonth.from(row.month()), row.total(), Integer::sum);
    }
  }

  private int siteTotal(String site) {
    return bySite.get(site).values().stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public Chart chart() {
    List<BarChart.Series> series = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      Map<YearMonth, Integer> counts = bySite.get(sites.get(i));
      series.add(
          new BarChart.Series(
              sites.get(i),
              Palette.nth(i),
              months.stream().map(m -> (double) counts.getOrDefault(m, 0)).toList()));
    }
    String description =
        months.isEmpty()
            ? context.msg("dashboard.enrolment.description.empty")
            : context.msg(
                "dashboard.enrolment.description",
                months.get(0).toString(),
                months.get(months.size() - 1).toString(),
                context.data().cases(),
                sites.stream()
                    .map(site -> site + " " + siteTotal(site))
                    .collect(Collectors.joining(", ")));
    return context
        .bars(DashboardChart.ENROLMENT, context.msg("dashboard.enrolment.title"), description)
        .categories(months.stream().map(YearMonth::toString).toList())
        .series(series)
        .stacked()
        .axes(
            context.msg(
                context.data().datedByOperation()
                    ? "dashboard.enrolment.axis.month"
                    : "dashboard.enrolment.axis.month.record"),
            context.msg("dashboard.enrolment.axis.cases"))
        .build();
  }

  @Override
  public List<Table> tables() {
    Numbers numbers = context.numbers();
    List<String> header = new ArrayList<>();
    header.add(context.msg("dashboard.enrolment.month"));
    header.addAll(sites);
    header.add(context.msg("dashboard.total"));
    List<List<String>> rows = new ArrayList<>();
    for (YearMonth month : months) {
      List<String> row = new ArrayList<>();
      row.add(month.toString());
      int total = 0;
      for (String site : sites) {
        int n = bySite.get(site).getOrDefault(month, 0);
        total += n;
        row.add(numbers.integer(n));
      }
      row.add(numbers.integer(total));
      rows.add(row);
    }
    List<String> totals = new ArrayList<>();
    totals.add(context.msg("dashboard.total"));
    int all = 0;
    for (String site : sites) {
      int n = siteTotal(site);
      all += n;
      totals.add(numbers.integer(n));
    }
    totals.add(numbers.integer(all));
    rows.add(totals);
    return List.of(new Table(context.msg("dashboard.enrolment.title"), header, rows));
  }

  @Override
  public List<String> notes() {
    List<EnrolmentCount> enrolment = context.data().enrolment();
    int byOperation = enrolment.stream().mapToInt(EnrolmentCount::byOperationDate).sum();
    int byRecord = enrolment.stream().mapToInt(EnrolmentCount::byRecordDate).sum();
    return List.of(
        context.data().datedByOperation()
            ? context.msg("dashboard.enrolment.dated", byOperation, byRecord)
            : context.msg("dashboard.enrolment.dated.record", byRecord));
  }
}
