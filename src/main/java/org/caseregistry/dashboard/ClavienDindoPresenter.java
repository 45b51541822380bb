package org.caseregistry.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseregistry.complication.ClavienDindoGrade;
import org.caseregistry.complication.WorstGradeGroup;
import org.caseregistry.dashboard.DashboardData.Complications;
import org.caseregistry.dashboard.DashboardData.Counts;
import org.caseregistry.dashboard.DashboardView.Table;
import org.caseregistry.dashboard.chart.BarChart;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.dashboard.chart.Palette;

/**
 * Complications per Clavien-Dindo grade, "not graded" apart; the table adds the patients with a
 * complication of each grade and the patients by their worst grade.
 */
final class ClavienDindoPresenter implements ChartPresenter {

  private static final Counts NONE = new Counts(0, 0);

  private final PanelContext context;
  private final Complications complications;

  ClavienDindoPresenter(PanelContext context) {
    this.context = context;
    this.complications = context.data().complications();
  }

  private String gradeLabel(String key) {
    return key.isEmpty()
        ? context.msg("dashboard.cd.not-graded")
        : ClavienDindoGrade.valueOf(key).code();
  }

  @Override
  public Chart chart() {
    Map<String, Counts> byGrade = complications.byGrade();
    List<String> keys = PanelContext.namesThenBlank(ClavienDindoGrade.values());
    List<Double> values =
        keys.stream().map(k -> (double) byGrade.getOrDefault(k, NONE).complications()).toList();
    String summary =
        keys.stream()
            .map(k -> gradeLabel(k) + " " + byGrade.getOrDefault(k, NONE).complications())
            .collect(Collectors.joining(", "));
    return context
        .bars(
            DashboardChart.CLAVIEN_DINDO,
            context.msg("dashboard.cd.title"),
            context.msg("dashboard.cd.description", summary))
        .categories(keys.stream().map(this::gradeLabel).toList())
        .series(
            new BarChart.Series(
                context.msg("dashboard.cd.complications"), Palette.VERMILION, values))
        .axes(context.msg("dashboard.cd.axis.grade"), context.msg("dashboard.cd.complications"))
        .build();
  }

  @Override
  public List<Table> tables() {
    Numbers numbers = context.numbers();
    Map<String, Integer> worst = complications.patientsByWorstGrade();
    List<List<String>> rows = new ArrayList<>();
    for (String key : PanelContext.namesThenBlank(ClavienDindoGrade.values())) {
      Counts counts = complications.byGrade().getOrDefault(key, NONE);
      rows.add(
          List.of(
              gradeLabel(key),
              numbers.integer(counts.complications()),
              numbers.integer(counts.patients()),
              numbers.integer(
                  worst.getOrDefault(key.isEmpty() ? WorstGradeGroup.UNGRADED.name() : key, 0))));
    }
    rows.add(
        List.of(
            context.msg("dashboard.cd.none"),
            "–",
            "–",
            numbers.integer(worst.getOrDefault(WorstGradeGroup.NONE.name(), 0))));
    rows.add(
        List.of(
            context.msg("dashboard.cd.not-recorded"),
            "–",
            "–",
            numbers.integer(worst.getOrDefault(WorstGradeGroup.NOT_RECORDED.name(), 0))));
    int total = complications.byGrade().values().stream().mapToInt(Counts::complications).sum();
    rows.add(
        List.of(
            context.msg("dashboard.total"),
            numbers.integer(total),
            "–",
            numbers.integer(context.data().cases())));
    return List.of(
        new Table(
            context.msg("dashboard.cd.title"),
            List.of(
                context.msg("dashboard.cd.grade"),
                context.msg("dashboard.cd.complications"),
                context.msg("dashboard.cd.patients"),
                context.msg("dashboard.cd.worst")),
            rows));
  }

  @Override
  public List<String> notes() {
    return List.of(context.msg("dashboard.complications.note"));
  }
}
