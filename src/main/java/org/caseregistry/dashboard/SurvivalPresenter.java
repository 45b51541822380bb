package org.caseregistry.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.caseregistry.dashboard.DashboardData.SurvivalGroup;
import org.caseregistry.dashboard.DashboardView.Table;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.dashboard.chart.Palette;
import org.caseregistry.dashboard.chart.SurvivalChart;
import org.caseregistry.dashboard.survival.KaplanMeier;
import org.caseregistry.dashboard.survival.KaplanMeierCurve;
import org.caseregistry.dashboard.survival.LogRankTest;
import org.caseregistry.dashboard.survival.SurvivalTime;
import org.caseregistry.followup.VisitWindow;

/**
 * Kaplan-Meier curves of overall or recurrence-free survival per group of the split, their life
 * tables and medians, and the log-rank test when the curves are split.
 */
final class SurvivalPresenter implements ChartPresenter {

  private record Group(
      String key,
      String label,
      String color,
      KaplanMeierCurve curve,
      List<SurvivalTime> times,
      int without) {}

  private final PanelContext context;
  private final SurvivalSplit split;
  private final boolean overall;
  private final List<Group> groups;

  /**
   * @param overall overall survival (event: death), else recurrence-free survival
   */
  SurvivalPresenter(PanelContext context, boolean overall) {
    this.context = context;
    this.split = context.split();
    this.overall = overall;
    this.groups = groups();
  }

  private List<Group> groups() {
    List<SurvivalGroup> ordered = new ArrayList<>(context.data().survival().groups());
    ordered.sort(Comparator.comparingInt(this::groupRank).thenComparing(SurvivalGroup::key));
    List<Group> result = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      SurvivalGroup group = ordered.get(i);
      List<SurvivalTime> times = overall ? group.overall() : group.recurrenceFree();
      result.add(
          new Group(
              group.key(),
              groupLabel(group.key()),
              Palette.nth(i),
              KaplanMeier.estimate(times),
              times,
              group.withoutFollowUp()));
    }
    return result;
  }

  private int groupRank(SurvivalGroup group) {
    if (split.codeType() == null) {
      return 0;
    }
    if (SurvivalSplit.NOT_RECORDED.equals(group.key())) {
      return Integer.MAX_VALUE;
    }
    for (Enum<?> code : split.codeType().getEnumConstants()) {
      if (code.name().equals(group.key())) {
        return code.ordinal();
      }
    }
    return Integer.MAX_VALUE - 1;
  }

  private String groupLabel(String key) {
    if (split == SurvivalSplit.NONE) {
      return context.msg("dashboard.survival.all");
    }
    if (SurvivalSplit.NOT_RECORDED.equals(key)) {
      return context.msg("dashboard.survival.not-recorded");
    }
    if (split.codeType() != null) {
      return context.msg("code." + split.codeType().getSimpleName() + "." + key);
    }
    return key;
  }

  private String months(double days) {
    return context.numbers().compact(days / VisitWindow.DAYS_PER_MONTH, 1);
  }

  private String notReachedOr(OptionalDouble days) {
    return days.isPresent()
        ? months(days.getAsDouble())
        : context.msg("dashboard.survival.not-reached");
  }

  private String medianWithInterval(KaplanMeierCurve curve) {
    if (curve.subjects() == 0) {
      return "–";
    }
    KaplanMeierCurve.MedianInterval interval = curve.medianInterval();
    return context.msg(
        "dashboard.survival.median.value",
        notReachedOr(curve.median()),
        notReachedOr(interval.lower()),
        notReachedOr(interval.upper()));
  }

  private String title() {
    return context.msg("dashboard." + (overall ? "os" : "rfs") + ".title");
  }

  @Override
  public Chart chart() {
    String summary =
        groups.stream()
            .map(
                g ->
                    context.msg(
                        "dashboard.survival.group.description",
                        g.label(),
                        g.curve().subjects(),
                        g.curve().events(),
                        notReachedOr(g.curve().median())))
            .collect(Collectors.joining("; "));
    return new SurvivalChart(
        (overall ? DashboardChart.OVERALL_SURVIVAL : DashboardChart.RECURRENCE_FREE_SURVIVAL)
            .slug(),
        title(),
        context.msg(
            "dashboard.survival.description",
            title(),
            summary.isEmpty() ? context.msg("dashboard.survival.no-data") : summary),
        groups.stream().map(g -> new SurvivalChart.Curve(g.label(), g.color(), g.curve())).toList(),
        VisitWindow.DAYS_PER_MONTH,
        context.msg("dashboard.survival.axis.time"),
        context.msg("dashboard.survival.axis.survival"),
        context.msg("dashboard.survival.at-risk"),
        context.compact());
  }

  @Override
  public List<Table> tables() {
    Numbers numbers = context.numbers();
    List<List<String>> summary = new ArrayList<>();
    for (Group group : groups) {
      KaplanMeierCurve curve = group.curve();
      summary.add(
          List.of(
              group.label(),
              numbers.integer(curve.subjects()),
              numbers.integer(curve.events()),
              numbers.integer(curve.censored()),
              medianWithInterval(curve),
              numbers.integer(group.without())));
    }
    List<Table> tables = new ArrayList<>();
    tables.add(
        new Table(
            context.msg("dashboard.survival.summary"),
            List.of(
                context.msg("dashboard.survival.group"),
                context.msg("dashboard.survival.cases"),
                context.msg("dashboard.survival.events"),
                context.msg("dashboard.survival.censored"),
                context.msg("dashboard.survival.median"),
                context.msg("dashboard.survival.without.short")),
            summary));
    for (Group group : groups) {
      tables.add(lifeTable(group));
    }
    return tables;
  }

  private Table lifeTable(Group group) {
    Numbers numbers = context.numbers();
    List<List<String>> rows = new ArrayList<>();
    for (KaplanMeierCurve.Step step : group.curve().steps()) {
      rows.add(
          List.of(
              months(step.time()),
              numbers.integer(step.atRisk()),
              numbers.integer(step.events()),
              numbers.integer(step.censored()),
              numbers.decimal(100 * step.survival(), 1) + "%",
              Double.isNaN(step.standardError())
                  ? "–"
                  : numbers.decimal(100 * step.lower(), 1)
                      + "–"
                      + numbers.decimal(100 * step.upper(), 1)
                      + "%"));
    }
    return new Table(
        context.msg("dashboard.survival.life-table", group.label()),
        List.of(
            context.msg("dashboard.survival.time"),
            context.msg("dashboard.survival.at-risk.short"),
            context.msg("dashboard.survival.events"),
            context.msg("dashboard.survival.censored"),
            context.msg("dashboard.survival.estimate"),
            context.msg("dashboard.survival.ci")),
        rows);
  }

  @Override
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    notes.add(context.msg("dashboard." + (overall ? "os" : "rfs") + ".definition"));
    notes.add(context.msg("dashboard.survival.median.note"));
    if (split != SurvivalSplit.NONE) {
      List<Group> tested =
          groups.stream()
              .filter(
                  g -> !SurvivalSplit.NOT_RECORDED.equals(g.key()) && !"UNKNOWN".equals(g.key()))
              .filter(g -> g.curve().subjects() > 0)
              .toList();
      notes.add(
          LogRankTest.compare(tested.stream().map(Group::times).toList())
              .map(
                  result ->
                      context.msg(
                          "dashboard.survival.log-rank",
                          context.numbers().decimal(result.chiSquare(), 2),
                          result.degreesOfFreedom(),
                          context.numbers().pValue(result.pValue())))
              .orElse(context.msg("dashboard.survival.log-rank.none")));
      if (split.codeType() != null) {
        notes.add(context.msg("dashboard.survival.log-rank.excluded"));
      }
    }
    int without =
        context.data().survival().groups().stream().mapToInt(SurvivalGroup::withoutFollowUp).sum();
    if (without > 0) {
      notes.add(context.msg("dashboard.survival.without", without));
    }
    return notes;
  }

  /** The Kaplan-Meier curves per group key, in the order the chart shows them. */
  Map<String, KaplanMeierCurve> curves() {
    Map<String, KaplanMeierCurve> curves = new LinkedHashMap<>();
    groups.forEach(g -> curves.put(g.key(), g.curve()));
    return curves;
  }
}
