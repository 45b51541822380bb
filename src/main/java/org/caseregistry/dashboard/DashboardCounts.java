package org.caseregistry.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.caseregistry.cases.CaseDashboardCounts;
import org.caseregistry.cases.CaseDashboardCounts.Count;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.complication.TallyKind;
import org.caseregistry.dashboard.DashboardData.Complications;
import org.caseregistry.dashboard.DashboardData.Counts;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.dashboard.DashboardQueries.Scope;
import org.caseregistry.followup.VisitWindow;

/**
 * The parts of the dashboard from the counts the database keeps ({@link CaseDashboardCounts}, V59):
 * one statement whose rows follow the number of distinct values (days of survival, months, CCI
 * values), whatever the number of cases. The follow-up windows' categories that depend on today are
 * decided here: of the cases without a visit in a window (OPEN), those operated recently enough for
 * the window to be still open (read by operation date, from that date on) are not yet due, the
 * others lost. The survival curves' groups come from the counts of the chosen split. The figures
 * are those the scan of the cases gave (DashboardCountsIntegrationTest compares both, part by
 * part).
 */
final class DashboardCounts {

  private final CaseTally tally = new CaseTally();
  private final Map<String, long[]> complications = new TreeMap<>();
  private final Map<VisitWindow, int[]> open = new EnumMap<>(VisitWindow.class);
  private final SurvivalSplit split;

  private DashboardCounts(SurvivalSplit split) {
    this.split = split;
  }

  /** The kept counts of the parts, sorted out into a tally and the complications. */
  static DashboardCounts read(
      CaseDashboardCounts counts,
      Scope scope,
      Set<Part> parts,
      SurvivalSplit split,
      LocalDate today) {
    DashboardCounts result = new DashboardCounts(split);
    counts.count(
        new CaseDashboardCounts.Scope(scope.seriesId(), scope.allowedSites(), scope.siteId()),
        keys(parts, split),
        keysBySite(parts, split),
        parts.contains(Part.FOLLOW_UP) ? notYetDue(today) : Map.of(),
        result::add);
    result.open.forEach(
        (window, unseen) -> {
          result.addFollowUp(window, FollowUpCategory.NOT_YET_DUE, unseen[1]);
          result.addFollowUp(window, FollowUpCategory.LOST, unseen[0] - unseen[1]);
        });
    return result;
  }

  /** The keys the parts need; the sections are always counted (they give the total). */
  private static List<String> keys(Set<Part> parts, SurvivalSplit split) {
    List<String> keys = new ArrayList<>(List.of("sections"));
    if (parts.contains(Part.DISTRIBUTIONS)) {
      keys.addAll(List.of("cci", "length_of_stay"));
    }
    if (parts.contains(Part.COMPLICATIONS)) {
      keys.addAll(
          List.of(
              "worst_grade",
              "complication",
              "complication_n",
              "complication_postop",
              "complication_postop_n"));
    }
    if (parts.contains(Part.ENROLMENT)) {
      keys.addAll(List.of("month_dated", "month_recorded"));
    }
    if (parts.contains(Part.FOLLOW_UP)) {
      for (VisitWindow window : VisitWindow.values()) {
        keys.add(windowKey(window));
      }
    }
    if (parts.contains(Part.SURVIVAL)) {
      keys.add("os" + splitSuffix(split));
      keys.add("rfs" + splitSuffix(split));
    }
    return keys;
  }

  /** The keys whose counts come per site: the enrolment's, and survival split by site. */
  private static List<String> keysBySite(Set<Part> parts, SurvivalSplit split) {
    List<String> keys = new ArrayList<>();
    if (parts.contains(Part.ENROLMENT)) {
      keys.addAll(List.of("month_dated", "month_recorded"));
    }
    if (parts.contains(Part.SURVIVAL) && split == SurvivalSplit.SITE) {
      keys.addAll(List.of("os", "rfs"));
    }
    return keys;
  }

  /**
   * Per window, the first operation date whose window is not yet due today: its upper limit in days
   * not reached, {@code today − date < upper}, i.e. {@code today − date ≤ ⌈upper⌉ − 1}.
   */
  private static Map<String, String> notYetDue(LocalDate today) {
    Map<String, String> from = new TreeMap<>();
    for (VisitWindow window : VisitWindow.values()) {
      long days = (long) Math.ceil(window.upperDays()) - 1;
      from.put(windowKey(window) + OPEN_BY_DATE, today.minusDays(days).toString());
    }
    return from;
  }

  private static String windowKey(VisitWindow window) {
    return "window_" + window.month();
  }

  /** The key of a window's open cases by operation date. */
  private static final String OPEN_BY_DATE = "_open";

  /** The survival keys of a split by a section's value carry it in their name. */
  private static String splitSuffix(SurvivalSplit split) {
    return switch (split) {
      case NONE, SITE -> "";
      case ABDOMINAL_APPROACH -> "_approach";
      case NEOADJUVANT_THERAPY -> "_neoadjuvant";
    };
  }

  private void add(Count count) {
    int n = Math.toIntExact(count.n());
    String key = count.key();
    String value = count.value();
    switch (key) {
      case "sections" -> tally.addSections(sections(value), n);
      case "cci" -> tally.addCci(number(value), n);
      case "length_of_stay" -> tally.addLengthOfStay(number(value), n);
      case "worst_grade" -> tally.addWorstGrade(value, n);
      case "month_dated", "month_recorded" ->
          tally.addEnrolment(
              count.siteCode(), LocalDate.parse(value), key.equals("month_dated"), n);
      case "complication" -> complication(value)[0] += n;
      case "complication_n" -> complication(value)[1] += n;
      case "complication_postop" -> complication(value)[2] += n;
      case "complication_postop_n" -> complication(value)[3] += n;
      default -> {
        if (key.startsWith("window_")) {
          addWindow(key, value, n);
        } else {
          addSurvival(count, n);
        }
      }
    }
  }

  /**
   * A window's category, OPEN (no visit: not yet due or lost, see {@link #read}), or the open ones
   * operated from the first date not yet due on, by operation date.
   */
  private void addWindow(String key, String value, int n) {
    boolean byDate = key.endsWith(OPEN_BY_DATE);
    VisitWindow window =
        VisitWindow.ofMonth(Integer.parseInt(key.replace("window_", "").replace(OPEN_BY_DATE, "")));
    if (byDate) {
      open.computeIfAbsent(window, w -> new int[2])[1] += n;
    } else if (value.equals("OPEN")) {
      open.computeIfAbsent(window, w -> new int[2])[0] += n;
    } else {
      tally.addFollowUp(window, FollowUpCategory.of(value), n);
    }
  }

  /** Only categories with cases: as the scan of the cases, which has no row for the others. */
  private void addFollowUp(VisitWindow window, FollowUpCategory category, int n) {
    if (n > 0) {
      tally.addFollowUp(window, category, n);
    }
  }

  /** 'time event', after the group for a split by a section's value; no time: no follow-up. */
  private void addSurvival(Count count, int n) {
    boolean overall = count.key().startsWith("os");
    List<String> parts =
        count.value() == null ? List.of() : Arrays.asList(count.value().split(" "));
    String group =
        switch (split) {
          case NONE -> "ALL";
          case SITE -> count.siteCode();
          case ABDOMINAL_APPROACH, NEOADJUVANT_THERAPY -> parts.get(0);
        };
    List<String> survival =
        split == SurvivalSplit.NONE || split == SurvivalSplit.SITE
            ? parts
            : parts.subList(1, parts.size());
    if (survival.isEmpty()) {
      tally.addSurvival(overall, group, null, false, n);
    } else {
      tally.addSurvival(
          overall,
          group,
          Double.parseDouble(survival.get(0)),
          Boolean.parseBoolean(survival.get(1)),
          n);
    }
  }

  private long[] complication(String tallyKey) {
    return complications.computeIfAbsent(tallyKey, k -> new long[4]);
  }

  private static List<String> sections(String array) {
    String inner = array.substring(1, array.length() - 1);
    return inner.isEmpty() ? List.of() : Arrays.asList(inner.split(","));
  }

  private static BigDecimal number(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  CaseTally tally() {
    return tally;
  }

  /**
   * Per key of the complication tally, how many complications and patients; the leaks (and their
   * patients) among the cases with the postoperative section answered, which the leak rate counts.
   */
  Complications complications() {
    Map<String, Counts> byGrade = new TreeMap<>();
    Map<String, Counts> byCategory = new TreeMap<>();
    Map<String, Counts> byItem = new TreeMap<>();
    Map<String, Integer> leaks = new TreeMap<>();
    int leakPatients = 0;
    String leakItem = TallyKind.ITEM.key(EccgComplication.ANASTOMOTIC_LEAK.name());
    for (Map.Entry<String, long[]> entry : complications.entrySet()) {
      String tallyKey = entry.getKey();
      long[] n = entry.getValue();
      if (n[0] == 0) {
        continue;
      }
      String key = TallyKind.codeOf(tallyKey);
      Counts counts = new Counts(Math.toIntExact(n[1]), Math.toIntExact(n[0]));
      switch (TallyKind.ofKey(tallyKey)) {
        case GRADE -> byGrade.put(key, counts);
        case CATEGORY -> byCategory.put(key, counts);
        case ITEM -> byItem.put(key, counts);
        case LEAK -> {
          if (n[3] > 0) {
            leaks.put(key, Math.toIntExact(n[3]));
          }
        }
        // ISGPS grades of pancreatic fistulas: the fistulas are counted by their ITEM key.
        case POPF -> {}
      }
      if (tallyKey.equals(leakItem)) {
        leakPatients = Math.toIntExact(n[2]);
      }
    }
    return new Complications(
        byGrade,
        byCategory,
        byItem,
        tally.patientsByWorstGrade(),
        leaks,
        leakPatients,
        tally.postopAnswered());
  }
}
