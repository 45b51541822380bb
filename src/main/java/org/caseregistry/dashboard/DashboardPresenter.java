package org.caseregistry.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.caseregistry.catalog.GastricCodes.GastricComplication;
import org.caseregistry.catalog.Section;
import org.caseregistry.complication.ClavienDindoGrade;
import org.caseregistry.complication.EccgCategory;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.complication.EccgSeverityType;
import org.caseregistry.complication.WorstGradeGroup;
import org.caseregistry.dashboard.DashboardData.Complications;
import org.caseregistry.dashboard.DashboardData.Counts;
import org.caseregistry.dashboard.DashboardData.Distribution;
import org.caseregistry.dashboard.DashboardData.EnrolmentCount;
import org.caseregistry.dashboard.DashboardData.SurvivalGroup;
import org.caseregistry.dashboard.DashboardView.KeyFigure;
import org.caseregistry.dashboard.DashboardView.Panel;
import org.caseregistry.dashboard.DashboardView.Table;
import org.caseregistry.dashboard.chart.BarChart;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.dashboard.chart.ChartImages;
import org.caseregistry.dashboard.chart.Palette;
import org.caseregistry.dashboard.chart.SurvivalChart;
import org.caseregistry.dashboard.survival.KaplanMeier;
import org.caseregistry.dashboard.survival.KaplanMeierCurve;
import org.caseregistry.dashboard.survival.LogRankTest;
import org.caseregistry.dashboard.survival.SurvivalTime;
import org.caseregistry.followup.VisitWindow;

/**
 * Turns the dashboard's numbers into charts, tables and sentences in the reader's language. The
 * numbers are computed once (in the database and the survival estimator); the chart, its text
 * alternative and the table behind it all come from the same values.
 */
final class DashboardPresenter {

  /** Message lookup in the reader's language. */
  interface Messages {
    String get(String key, Object... args);
  }

  private static final String[] CCI_BINS = {
    "0", "0.1–19.9", "20–39.9", "40–59.9", "60–79.9", "80–99.9", "100"
  };
  private static final String[] LENGTH_OF_STAY_BINS = {
    "≤ 7", "8–14", "15–21", "22–28", "29–42", "≥ 43"
  };

  private final DashboardData data;
  private final SurvivalSplit split;
  private final LocalDate today;
  private final Messages messages;
  private final Numbers numbers;

  DashboardPresenter(
      DashboardData data,
      SurvivalSplit split,
      LocalDate today,
      Messages messages,
      Numbers numbers) {
    this.data = data;
    this.split = split;
    this.today = today;
    this.messages = messages;
    this.numbers = numbers;
  }

  private String msg(String key, Object... args) {
    return messages.get(key, args);
  }

  // ------------------------------------------------------------------ the page

  DashboardView view() {
    List<KeyFigure> figures = new ArrayList<>();
    figures.add(
        new KeyFigure(
            "figure-cases",
            msg("dashboard.cases"),
            numbers.integer(data.cases()),
            msg("dashboard.cases.detail")));
    List<Panel> panels = new ArrayList<>();
    if (data.enrolment() != null) {
      panels.add(panel(DashboardChart.ENROLMENT));
    }
    panels.add(panel(DashboardChart.COMPLETENESS));
    if (data.complications() != null) {
      figures.add(leakFigure());
      panels.add(panel(DashboardChart.CLAVIEN_DINDO));
      panels.add(panel(DashboardChart.ECCG_CATEGORIES));
      panels.add(leakPanel());
    }
    if (data.cci() != null) {
      panels.add(panel(DashboardChart.CCI));
      panels.add(panel(DashboardChart.LENGTH_OF_STAY));
    }
    if (data.followUp() != null) {
      panels.add(panel(DashboardChart.FOLLOW_UP));
    }
    if (data.survival() != null) {
      panels.add(panel(DashboardChart.OVERALL_SURVIVAL));
      panels.add(panel(DashboardChart.RECURRENCE_FREE_SURVIVAL));
    }
    return new DashboardView(figures, panels);
  }

  private Panel panel(DashboardChart which) {
    Chart chart = chart(which);
    return new Panel(
        which.slug(),
        chart.title(),
        ChartImages.inlineSvg(chart),
        chart.description(),
        tables(which),
        notes(which));
  }

  // ------------------------------------------------------------------ charts

  Chart chart(DashboardChart which) {
    return switch (which) {
      case ENROLMENT -> enrolmentChart();
      case COMPLETENESS -> completenessChart();
      case CLAVIEN_DINDO -> clavienDindoChart();
      case ECCG_CATEGORIES -> eccgChart();
      case CCI -> distributionChart("cci", data.cci(), CCI_BINS);
      case LENGTH_OF_STAY -> distributionChart("los", data.lengthOfStay(), LENGTH_OF_STAY_BINS);
      case FOLLOW_UP -> followUpChart();
      case OVERALL_SURVIVAL -> survivalChart(true);
      case RECURRENCE_FREE_SURVIVAL -> survivalChart(false);
    };
  }

  private List<Table> tables(DashboardChart which) {
    return switch (which) {
      case ENROLMENT -> List.of(enrolmentTable());
      case COMPLETENESS -> List.of(completenessTable());
      case CLAVIEN_DINDO -> List.of(clavienDindoTable());
      case ECCG_CATEGORIES -> List.of(eccgTable());
      case CCI -> distributionTables("cci", data.cci(), CCI_BINS);
      case LENGTH_OF_STAY -> distributionTables("los", data.lengthOfStay(), LENGTH_OF_STAY_BINS);
      case FOLLOW_UP -> List.of(followUpTable());
      case OVERALL_SURVIVAL -> survivalTables(true);
      case RECURRENCE_FREE_SURVIVAL -> survivalTables(false);
    };
  }

  private List<String> notes(DashboardChart which) {
    return switch (which) {
      case ENROLMENT -> List.of(enrolmentDating());
      case COMPLETENESS -> List.of(msg("dashboard.completeness.note"));
      case CLAVIEN_DINDO, ECCG_CATEGORIES -> List.of(msg("dashboard.complications.note"));
      case CCI -> List.of(msg("dashboard.cci.note"));
      case LENGTH_OF_STAY -> List.of(msg("dashboard.los.note"));
      case FOLLOW_UP ->
          List.of(
              msg("dashboard.followup.note.windows"),
              msg("dashboard.followup.note.due", today.toString()));
      case OVERALL_SURVIVAL -> survivalNotes(true);
      case RECURRENCE_FREE_SURVIVAL -> survivalNotes(false);
    };
  }

  // ------------------------------------------------------------------ enrolment

  private List<YearMonth> months() {
    TreeSet<YearMonth> present = new TreeSet<>();
    data.enrolment().forEach(row -> present.add(YearMonth.from(row.month())));
    List<YearMonth> months = new ArrayList<>();
    if (!present.isEmpty()) {
      for (YearMonth m = present.first(); !m.isAfter(present.last()); m = m.plusMonths(1)) {
        months.add(m);
      }
    }
    return months;
  }

  private List<String> enrolmentSites() {
    return data.enrolment().stream().map(EnrolmentCount::site).distinct().sorted().toList();
  }

  private Map<String, Map<YearMonth, Integer>> enrolmentBySite() {
    Map<String, Map<YearMonth, Integer>> bySite = new TreeMap<>();
    for (EnrolmentCount row : data.enrolment()) {
      bySite
          .computeIfAbsent(row.site(), s -> new TreeMap<>())
          .merge(YearMonth.from(row.month()), row.total(), Integer::sum);
    }
    return bySite;
  }

  private Chart enrolmentChart() {
    List<YearMonth> months = months();
    Map<String, Map<YearMonth, Integer>> bySite = enrolmentBySite();
    List<BarChart.Series> series = new ArrayList<>();
    List<String> sites = enrolmentSites();
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
            ? msg("dashboard.enrolment.description.empty")
            : msg(
                "dashboard.enrolment.description",
                months.get(0).toString(),
                months.get(months.size() - 1).toString(),
                data.cases(),
                sites.stream()
                    .map(
                        site ->
                            site
                                + " "
                                + bySite.get(site).values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum())
                    .collect(Collectors.joining(", ")));
    return new BarChart(
        DashboardChart.ENROLMENT.slug(),
        msg("dashboard.enrolment.title"),
        description,
        months.stream().map(YearMonth::toString).toList(),
        series,
        BarChart.Orientation.VERTICAL,
        true,
        msg("dashboard.enrolment.axis.month"),
        msg("dashboard.enrolment.axis.cases"),
        v -> numbers.compact(v, 1),
        null);
  }

  private Table enrolmentTable() {
    List<String> sites = enrolmentSites();
    Map<String, Map<YearMonth, Integer>> bySite = enrolmentBySite();
    List<String> header = new ArrayList<>();
    header.add(msg("dashboard.enrolment.month"));
    header.addAll(sites);
    header.add(msg("dashboard.total"));
    List<List<String>> rows = new ArrayList<>();
    for (YearMonth month : months()) {
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
    totals.add(msg("dashboard.total"));
    int all = 0;
    for (String site : sites) {
      int n = bySite.get(site).values().stream().mapToInt(Integer::intValue).sum();
      all += n;
      totals.add(numbers.integer(n));
    }
    totals.add(numbers.integer(all));
    rows.add(totals);
    return new Table(msg("dashboard.enrolment.title"), header, rows);
  }

  private String enrolmentDating() {
    int byOperation = data.enrolment().stream().mapToInt(EnrolmentCount::byOperationDate).sum();
    int byRecord = data.enrolment().stream().mapToInt(EnrolmentCount::byRecordDate).sum();
    return msg("dashboard.enrolment.dated", byOperation, byRecord);
  }

  // ------------------------------------------------------------------ completeness

  private Chart completenessChart() {
    List<String> labels = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    for (Section section : data.sectionsFilled().keySet()) {
      labels.add(msg(section.messageKey()));
      int filled = data.sectionsFilled().get(section);
      shares.add(data.cases() == 0 ? 0 : 100.0 * filled / data.cases());
    }
    String summary =
        IntStream.range(0, labels.size())
            .mapToObj(i -> labels.get(i) + " " + numbers.decimal(shares.get(i), 1) + "%")
            .collect(Collectors.joining(", "));
    return new BarChart(
        DashboardChart.COMPLETENESS.slug(),
        msg("dashboard.completeness.title"),
        msg("dashboard.completeness.description", data.cases(), summary),
        labels,
        List.of(new BarChart.Series(msg("dashboard.completeness.share"), Palette.BLUE, shares)),
        BarChart.Orientation.HORIZONTAL,
        false,
        msg("dashboard.completeness.section"),
        msg("dashboard.completeness.axis"),
        v -> numbers.compact(v, 1),
        100.0);
  }

  private Table completenessTable() {
    List<List<String>> rows = new ArrayList<>();
    for (Section section : data.sectionsFilled().keySet()) {
      int filled = data.sectionsFilled().get(section);
      rows.add(
          List.of(
              msg(section.messageKey()),
              numbers.integer(filled),
              numbers.integer(data.cases()),
              numbers.percent(filled, data.cases())));
    }
    return new Table(
        msg("dashboard.completeness.title"),
        List.of(
            msg("dashboard.completeness.section"),
            msg("dashboard.completeness.filled"),
            msg("dashboard.cases"),
            msg("dashboard.completeness.share")),
        rows);
  }

  // ------------------------------------------------------------------ complications

  /** Grades in order, then "" (not graded). */
  private static List<String> gradeKeys() {
    List<String> keys = new ArrayList<>();
    for (ClavienDindoGrade grade : ClavienDindoGrade.values()) {
      keys.add(grade.name());
    }
    keys.add("");
    return keys;
  }

  private String gradeLabel(String key) {
    return key.isEmpty() ? msg("dashboard.cd.not-graded") : ClavienDindoGrade.valueOf(key).code();
  }

  private Chart clavienDindoChart() {
    Map<String, Counts> byGrade = data.complications().byGrade();
    List<String> keys = gradeKeys();
    List<Double> values =
        keys.stream()
            .map(k -> (double) byGrade.getOrDefault(k, new Counts(0, 0)).complications())
            .toList();
    String summary =
        keys.stream()
            .map(
                k ->
                    gradeLabel(k) + " " + byGrade.getOrDefault(k, new Counts(0, 0)).complications())
            .collect(Collectors.joining(", "));
    return new BarChart(
        DashboardChart.CLAVIEN_DINDO.slug(),
        msg("dashboard.cd.title"),
        msg("dashboard.cd.description", summary),
        keys.stream().map(this::gradeLabel).toList(),
        List.of(new BarChart.Series(msg("dashboard.cd.complications"), Palette.VERMILION, values)),
        BarChart.Orientation.VERTICAL,
        false,
        msg("dashboard.cd.axis.grade"),
        msg("dashboard.cd.complications"),
        v -> numbers.compact(v, 1),
        null);
  }

  private Table clavienDindoTable() {
    Complications complications = data.complications();
    List<List<String>> rows = new ArrayList<>();
    for (String key : gradeKeys()) {
      Counts counts = complications.byGrade().getOrDefault(key, new Counts(0, 0));
      rows.add(
          List.of(
              gradeLabel(key),
              numbers.integer(counts.complications()),
              numbers.integer(counts.patients()),
              numbers.integer(
                  complications
                      .patientsByWorstGrade()
                      .getOrDefault(key.isEmpty() ? WorstGradeGroup.UNGRADED.name() : key, 0))));
    }
    rows.add(
        List.of(
            msg("dashboard.cd.none"),
            "–",
            "–",
            numbers.integer(
                complications
                    .patientsByWorstGrade()
                    .getOrDefault(WorstGradeGroup.NONE.name(), 0))));
    rows.add(
        List.of(
            msg("dashboard.cd.not-recorded"),
            "–",
            "–",
            numbers.integer(
                complications
                    .patientsByWorstGrade()
                    .getOrDefault(WorstGradeGroup.NOT_RECORDED.name(), 0))));
    int total = complications.byGrade().values().stream().mapToInt(Counts::complications).sum();
    rows.add(
        List.of(
            msg("dashboard.total"), numbers.integer(total), "–", numbers.integer(data.cases())));
    return new Table(
        msg("dashboard.cd.title"),
        List.of(
            msg("dashboard.cd.grade"),
            msg("dashboard.cd.complications"),
            msg("dashboard.cd.patients"),
            msg("dashboard.cd.worst")),
        rows);
  }

  /** ECCG categories in order, then "" (type not recorded). */
  private static List<String> categoryKeys() {
    List<String> keys = new ArrayList<>();
    for (EccgCategory category : EccgCategory.values()) {
      keys.add(category.name());
    }
    keys.add("");
    return keys;
  }

  private String categoryLabel(String key) {
    return key.isEmpty()
        ? msg("dashboard.eccg.type-not-recorded")
        : msg(EccgCategory.valueOf(key).messageKey());
  }

  private Chart eccgChart() {
    Map<String, Counts> byCategory = data.complications().byCategory();
    List<String> keys = categoryKeys();
    List<Double> values =
        keys.stream()
            .map(k -> (double) byCategory.getOrDefault(k, new Counts(0, 0)).complications())
            .toList();
    String summary =
        keys.stream()
            .filter(k -> byCategory.containsKey(k))
            .map(k -> categoryLabel(k) + " " + byCategory.get(k).complications())
            .collect(Collectors.joining(", "));
    return new BarChart(
        DashboardChart.ECCG_CATEGORIES.slug(),
        msg("dashboard.eccg.title"),
        msg("dashboard.eccg.description", summary.isEmpty() ? "0" : summary),
        keys.stream().map(this::categoryLabel).toList(),
        List.of(new BarChart.Series(msg("dashboard.cd.complications"), Palette.ORANGE, values)),
        BarChart.Orientation.HORIZONTAL,
        false,
        msg("dashboard.eccg.category"),
        msg("dashboard.cd.complications"),
        v -> numbers.compact(v, 1),
        null);
  }

  /** Per category, then its items that occurred (indented), then complications without a type. */
  private Table eccgTable() {
    Complications complications = data.complications();
    List<List<String>> rows = new ArrayList<>();
    for (String key : categoryKeys()) {
      Counts counts = complications.byCategory().getOrDefault(key, new Counts(0, 0));
      rows.add(
          List.of(
              categoryLabel(key),
              numbers.integer(counts.complications()),
              numbers.integer(counts.patients())));
      if (key.isEmpty()) {
        continue;
      }
      Set<String> listed = new HashSet<>();
      for (EccgComplication item : EccgComplication.inCategory(EccgCategory.valueOf(key))) {
        Counts itemCounts = complications.byItem().get(item.name());
        listed.add(item.name());
        if (itemCounts != null) {
          rows.add(
              List.of(
                  "– " + msg(item.messageKey()),
                  numbers.integer(itemCounts.complications()),
                  numbers.integer(itemCounts.patients())));
        }
      }
      // A gastric series' items (duodenal stump leak, pancreatic fistula, ...) in the same
      // category.
      for (GastricComplication item : GastricComplication.values()) {
        Counts itemCounts = complications.byItem().get(item.name());
        if (item.category().name().equals(key)
            && itemCounts != null
            && !listed.contains(item.name())) {
          rows.add(
              List.of(
                  "– " + msg("code.GastricComplication." + item.name()),
                  numbers.integer(itemCounts.complications()),
                  numbers.integer(itemCounts.patients())));
        }
      }
    }
    return new Table(
        msg("dashboard.eccg.title"),
        List.of(
            msg("dashboard.eccg.category"),
            msg("dashboard.cd.complications"),
            msg("dashboard.eccg.patients")),
        rows);
  }

  // ------------------------------------------------------------------ anastomotic leak

  private String leakValue() {
    Complications c = data.complications();
    return msg(
        "dashboard.leak.value",
        c.leakPatients(),
        c.postopAnswered(),
        numbers.percent(c.leakPatients(), c.postopAnswered()));
  }

  private String leakInterval() {
    Complications c = data.complications();
    if (c.postopAnswered() == 0) {
      return msg("dashboard.leak.no-denominator");
    }
    WilsonInterval interval = WilsonInterval.of(c.leakPatients(), c.postopAnswered());
    return msg(
        "dashboard.leak.ci",
        numbers.decimal(100 * interval.lower(), 1) + "%",
        numbers.decimal(100 * interval.upper(), 1) + "%");
  }

  private KeyFigure leakFigure() {
    return new KeyFigure("figure-leak", msg("dashboard.leak.title"), leakValue(), leakInterval());
  }

  private Panel leakPanel() {
    Complications c = data.complications();
    List<List<String>> rows = new ArrayList<>();
    for (EccgSeverityType type : EccgSeverityType.values()) {
      rows.add(
          List.of(
              msg(type.messageKey()),
              numbers.integer(c.leaksByType().getOrDefault(type.name(), 0))));
    }
    rows.add(
        List.of(
            msg("dashboard.leak.type-not-recorded"),
            numbers.integer(c.leaksByType().getOrDefault("", 0))));
    Table table =
        new Table(
            msg("dashboard.leak.title"),
            List.of(msg("dashboard.leak.type"), msg("dashboard.leak.leaks")),
            rows);
    return new Panel(
        "anastomotic-leak",
        msg("dashboard.leak.title"),
        null,
        leakValue() + "; " + leakInterval(),
        List.of(table),
        List.of(msg("dashboard.leak.denominator", c.postopAnswered(), data.cases())));
  }

  // ------------------------------------------------------------------ CCI and length of stay

  private Chart distributionChart(String which, Distribution distribution, String[] bins) {
    List<String> labels = List.of(bins).stream().map(this::localBin).toList();
    List<Double> values = new ArrayList<>();
    for (int count : distribution.bins()) {
      values.add((double) count);
    }
    return new BarChart(
        "cci".equals(which) ? DashboardChart.CCI.slug() : DashboardChart.LENGTH_OF_STAY.slug(),
        msg("dashboard." + which + ".title"),
        distributionDescription(which, distribution),
        labels,
        List.of(new BarChart.Series(msg("dashboard.distribution.cases"), Palette.BLUE, values)),
        BarChart.Orientation.VERTICAL,
        false,
        msg("dashboard." + which + ".axis.bin"),
        msg("dashboard.distribution.cases"),
        v -> numbers.compact(v, 1),
        null);
  }

  /** Bin labels with the reader's decimal sign. */
  private String localBin(String label) {
    return label.replace(".", numbers.decimal(0.5, 1).substring(1, 2));
  }

  private String distributionDescription(String which, Distribution distribution) {
    String name = msg("dashboard." + which + ".title");
    if (distribution.known() == 0) {
      return msg("dashboard.distribution.description.empty", name, distribution.missing());
    }
    return msg(
        "dashboard.distribution.description",
        name,
        distribution.known(),
        distribution.missing(),
        numbers.compact(distribution.median(), 1),
        numbers.compact(distribution.q1(), 1),
        numbers.compact(distribution.q3(), 1));
  }

  private List<Table> distributionTables(String which, Distribution distribution, String[] bins) {
    List<List<String>> binRows = new ArrayList<>();
    for (int i = 0; i < bins.length; i++) {
      binRows.add(List.of(localBin(bins[i]), numbers.integer(distribution.bins()[i])));
    }
    binRows.add(
        List.of(msg("dashboard.distribution.missing"), numbers.integer(distribution.missing())));
    List<List<String>> stats = new ArrayList<>();
    stats.add(List.of(msg("dashboard.distribution.known"), numbers.integer(distribution.known())));
    stats.add(
        List.of(msg("dashboard.distribution.missing"), numbers.integer(distribution.missing())));
    if (distribution.known() > 0) {
      stats.add(
          List.of(
              msg("dashboard.distribution.median"),
              numbers.compact(distribution.median(), 1)
                  + " ("
                  + numbers.compact(distribution.q1(), 1)
                  + "; "
                  + numbers.compact(distribution.q3(), 1)
                  + ")"));
      stats.add(
          List.of(msg("dashboard.distribution.mean"), numbers.decimal(distribution.mean(), 1)));
      stats.add(
          List.of(
              msg("dashboard.distribution.range"),
              numbers.compact(distribution.min(), 1)
                  + "–"
                  + numbers.compact(distribution.max(), 1)));
    }
    String title = msg("dashboard." + which + ".title");
    return List.of(
        new Table(
            title,
            List.of(msg("dashboard.distribution.bin"), msg("dashboard.distribution.cases")),
            binRows),
        new Table(
            title,
            List.of(msg("dashboard.distribution.statistic"), msg("dashboard.distribution.value")),
            stats));
  }

  // ------------------------------------------------------------------ follow-up windows

  private String windowLabel(VisitWindow window) {
    return msg("dashboard.followup.window." + window.month());
  }

  private Chart followUpChart() {
    Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp = data.followUp();
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
        series.add(new BarChart.Series(msg(category.messageKey()), category.color(), values));
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
                            .map(e -> msg(e.getKey().messageKey()) + " " + e.getValue())
                            .collect(Collectors.joining(", ")))
            .collect(Collectors.joining("; "));
    return new BarChart(
        DashboardChart.FOLLOW_UP.slug(),
        msg("dashboard.followup.title"),
        msg("dashboard.followup.description", data.cases(), summary),
        Arrays.stream(VisitWindow.values()).map(this::windowLabel).toList(),
        series,
        BarChart.Orientation.HORIZONTAL,
        true,
        msg("dashboard.followup.window"),
        msg("dashboard.followup.axis"),
        v -> numbers.compact(v, 1),
        null);
  }

  private Table followUpTable() {
    List<String> header = new ArrayList<>();
    header.add(msg("dashboard.followup.status"));
    for (VisitWindow window : VisitWindow.values()) {
      header.add(windowLabel(window));
    }
    List<List<String>> rows = new ArrayList<>();
    for (FollowUpCategory category : FollowUpCategory.values()) {
      List<String> row = new ArrayList<>();
      row.add(msg(category.messageKey()));
      for (VisitWindow window : VisitWindow.values()) {
        int n = data.followUp().get(window).getOrDefault(category, 0);
        row.add(numbers.integer(n) + " (" + numbers.percent(n, data.cases()) + ")");
      }
      rows.add(row);
    }
    return new Table(msg("dashboard.followup.title"), header, rows);
  }

  // ------------------------------------------------------------------ survival

  private record Group(
      String key,
      String label,
      String color,
      KaplanMeierCurve curve,
      List<SurvivalTime> times,
      int without) {}

  private List<Group> groups(boolean overall) {
    List<SurvivalGroup> ordered = new ArrayList<>(data.survival().groups());
    ordered.sort(Comparator.comparingInt(this::groupRank).thenComparing(SurvivalGroup::key));
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      SurvivalGroup group = ordered.get(i);
      List<SurvivalTime> times = overall ? group.overall() : group.recurrenceFree();
      groups.add(
          new Group(
              group.key(),
              groupLabel(group.key()),
              Palette.nth(i),
              KaplanMeier.estimate(times),
              times,
              group.withoutFollowUp()));
    }
    return groups;
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
      return msg("dashboard.survival.all");
    }
    if (SurvivalSplit.NOT_RECORDED.equals(key)) {
      return msg("dashboard.survival.not-recorded");
    }
    if (split.codeType() != null) {
      return msg("code." + split.codeType().getSimpleName() + "." + key);
    }
    return key;
  }

  private String months(double days) {
    return numbers.compact(days / VisitWindow.DAYS_PER_MONTH, 1);
  }

  private String median(KaplanMeierCurve curve) {
    OptionalDouble median = curve.median();
    return median.isPresent()
        ? months(median.getAsDouble())
        : msg("dashboard.survival.not-reached");
  }

  private String medianWithInterval(KaplanMeierCurve curve) {
    if (curve.subjects() == 0) {
      return "–";
    }
    KaplanMeierCurve.MedianInterval interval = curve.medianInterval();
    return msg(
        "dashboard.survival.median.value",
        median(curve),
        interval.lower().isPresent()
            ? months(interval.lower().getAsDouble())
            : msg("dashboard.survival.not-reached"),
        interval.upper().isPresent()
            ? months(interval.upper().getAsDouble())
            : msg("dashboard.survival.not-reached"));
  }

  private String endpoint(boolean overall) {
    return overall ? "os" : "rfs";
  }

  private Chart survivalChart(boolean overall) {
    List<Group> groups = groups(overall);
    String summary =
        groups.stream()
            .map(
                g ->
                    msg(
                        "dashboard.survival.group.description",
                        g.label(),
                        g.curve().subjects(),
                        g.curve().events(),
                        median(g.curve())))
            .collect(Collectors.joining("; "));
    return new SurvivalChart(
        overall
            ? DashboardChart.OVERALL_SURVIVAL.slug()
            : DashboardChart.RECURRENCE_FREE_SURVIVAL.slug(),
        msg("dashboard." + endpoint(overall) + ".title"),
        msg(
            "dashboard.survival.description",
            msg("dashboard." + endpoint(overall) + ".title"),
            summary.isEmpty() ? msg("dashboard.survival.no-data") : summary),
        groups.stream().map(g -> new SurvivalChart.Curve(g.label(), g.color(), g.curve())).toList(),
        VisitWindow.DAYS_PER_MONTH,
        msg("dashboard.survival.axis.time"),
        msg("dashboard.survival.axis.survival"),
        msg("dashboard.survival.at-risk"),
        v -> numbers.compact(v, 1));
  }

  private List<Table> survivalTables(boolean overall) {
    List<Group> groups = groups(overall);
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
            msg("dashboard.survival.summary"),
            List.of(
                msg("dashboard.survival.group"),
                msg("dashboard.survival.cases"),
                msg("dashboard.survival.events"),
                msg("dashboard.survival.censored"),
                msg("dashboard.survival.median"),
                msg("dashboard.survival.without.short")),
            summary));
    for (Group group : groups) {
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
      tables.add(
          new Table(
              msg("dashboard.survival.life-table", group.label()),
              List.of(
                  msg("dashboard.survival.time"),
                  msg("dashboard.survival.at-risk.short"),
                  msg("dashboard.survival.events"),
                  msg("dashboard.survival.censored"),
                  msg("dashboard.survival.estimate"),
                  msg("dashboard.survival.ci")),
              rows));
    }
    return tables;
  }

  private List<String> survivalNotes(boolean overall) {
    List<String> notes = new ArrayList<>();
    notes.add(msg("dashboard." + endpoint(overall) + ".definition"));
    notes.add(msg("dashboard.survival.median.note"));
    if (split != SurvivalSplit.NONE) {
      List<Group> tested =
          groups(overall).stream()
              .filter(
                  g -> !SurvivalSplit.NOT_RECORDED.equals(g.key()) && !"UNKNOWN".equals(g.key()))
              .filter(g -> g.curve().subjects() > 0)
              .toList();
      notes.add(
          LogRankTest.compare(tested.stream().map(Group::times).toList())
              .map(
                  result ->
                      msg(
                          "dashboard.survival.log-rank",
                          numbers.decimal(result.chiSquare(), 2),
                          result.degreesOfFreedom(),
                          numbers.pValue(result.pValue())))
              .orElse(msg("dashboard.survival.log-rank.none")));
      if (split.codeType() != null) {
        notes.add(msg("dashboard.survival.log-rank.excluded"));
      }
    }
    int without = data.survival().groups().stream().mapToInt(SurvivalGroup::withoutFollowUp).sum();
    if (without > 0) {
      notes.add(msg("dashboard.survival.without", without));
    }
    return notes;
  }

  /** The Kaplan-Meier curves per group key, in the order the chart shows them. */
  Map<String, KaplanMeierCurve> curves(boolean overall) {
    Map<String, KaplanMeierCurve> curves = new LinkedHashMap<>();
    groups(overall).forEach(g -> curves.put(g.key(), g.curve()));
    return curves;
  }
}
