package org.caseregistry.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.caseregistry.catalog.Section;
import org.caseregistry.complication.WorstGradeGroup;
import org.caseregistry.dashboard.DashboardData.Distribution;
import org.caseregistry.dashboard.DashboardData.EnrolmentCount;
import org.caseregistry.dashboard.DashboardData.Survival;
import org.caseregistry.dashboard.DashboardData.SurvivalGroup;
import org.caseregistry.dashboard.survival.SurvivalTime;
import org.caseregistry.followup.VisitWindow;

/**
 * The counts of the cases by every key the parts need, sorted out per part: from the kept counts
 * ({@link DashboardCounts}), or from the scan of the cases that the tests compare them with.
 */
final class CaseTally {
  private int cases;
  private final Map<Section, Integer> filled = new EnumMap<>(Section.class);
  private final Frequencies cci = new Frequencies();
  private final Frequencies lengthOfStay = new Frequencies();
  private final Map<String, Integer> worst = new TreeMap<>();
  private final Map<String, EnrolmentCount> enrolment = new TreeMap<>();
  private final Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp = new LinkedHashMap<>();
  private final Map<String, Map<Double, int[]>> overall = new TreeMap<>();
  private final Map<String, Map<Double, int[]>> recurrenceFree = new TreeMap<>();
  private final Map<String, Integer> withoutFollowUp = new TreeMap<>();

  CaseTally() {
    for (Section section : Section.values()) {
      filled.put(section, 0);
    }
    for (VisitWindow window : VisitWindow.values()) {
      followUp.put(window, new EnumMap<>(FollowUpCategory.class));
    }
  }

  /** {@code n} cases with these sections filled. */
  void addSections(Iterable<String> sections, int n) {
    cases += n;
    for (String section : sections) {
      filled.merge(Section.valueOf(section), n, Integer::sum);
    }
  }

  /** {@code n} cases with this CCI (null: not derivable). */
  void addCci(BigDecimal value, int n) {
    cci.add(value, n);
  }

  /** {@code n} cases with this length of stay (null: not derivable). */
  void addLengthOfStay(BigDecimal value, int n) {
    lengthOfStay.add(value, n);
  }

  /** {@code n} patients of this worst grade, or of a {@link WorstGradeGroup} without one. */
  void addWorstGrade(String group, int n) {
    worst.merge(group, n, Integer::sum);
  }

  /** {@code n} cases of a site operated (dated) or else recorded in this month. */
  void addEnrolment(String site, LocalDate month, boolean dated, int n) {
    enrolment.merge(
        month + " " + site,
        new EnrolmentCount(site, month, dated ? n : 0, dated ? 0 : n),
        (a, b) ->
            new EnrolmentCount(
                site,
                month,
                a.byOperationDate() + b.byOperationDate(),
                a.byRecordDate() + b.byRecordDate()));
  }

  /** {@code n} cases in this category at this window. */
  void addFollowUp(VisitWindow window, FollowUpCategory category, int n) {
    followUp.get(window).merge(category, n, Integer::sum);
  }

  /**
   * {@code n} cases of a survival group, their overall ({@code overallSurvival}) or recurrence-free
   * time and whether it ends in the event; time null: no follow-up (counted once, with the overall
   * survival).
   */
  void addSurvival(boolean overallSurvival, String group, Double time, boolean event, int n) {
    if (time == null) {
      if (overallSurvival) {
        withoutFollowUp.merge(group, n, Integer::sum);
      }
      return;
    }
    int[] counts =
        (overallSurvival ? overall : recurrenceFree)
            .computeIfAbsent(group, g -> new TreeMap<>())
            .computeIfAbsent(time, at -> new int[2]);
    counts[event ? 0 : 1] += n;
  }

  int cases() {
    return cases;
  }

  Map<Section, Integer> filled() {
    return filled;
  }

  /** Either procedure's postoperative section: a case has one of them. */
  int postopAnswered() {
    return filled.get(Section.POSTOP) + filled.get(Section.GASTRIC_POSTOP);
  }

  Map<String, Integer> patientsByWorstGrade() {
    return worst;
  }

  Distribution cci() {
    return Distribution.of(cci.known, cci.missing, DashboardQueries.CCI_BOUNDS);
  }

  Distribution lengthOfStay() {
    return Distribution.of(
        lengthOfStay.known,
        lengthOfStay.missing,
        Arrays.stream(DashboardQueries.LENGTH_OF_STAY_BOUNDS).asDoubleStream().toArray());
  }

  List<EnrolmentCount> enrolment() {
    List<EnrolmentCount> counts = new ArrayList<>(enrolment.values());
    counts.sort(Comparator.comparing(EnrolmentCount::month).thenComparing(EnrolmentCount::site));
    return counts;
  }

  Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp() {
    return followUp;
  }

  Survival survival(SurvivalSplit split) {
    SortedSet<String> groups = new TreeSet<>(overall.keySet());
    groups.addAll(withoutFollowUp.keySet());
    List<SurvivalGroup> result = new ArrayList<>();
    for (String group : groups) {
      result.add(
          new SurvivalGroup(
              group,
              times(overall.get(group)),
              times(recurrenceFree.get(group)),
              withoutFollowUp.getOrDefault(group, 0)));
    }
    return new Survival(split, result);
  }

  private static List<SurvivalTime> times(Map<Double, int[]> counts) {
    List<SurvivalTime> times = new ArrayList<>();
    if (counts != null) {
      counts.forEach((t, c) -> times.add(new SurvivalTime(t, c[0], c[1])));
    }
    return times;
  }

  /** How many cases have each value of a variable, and how many have none. */
  private static final class Frequencies {
    private final SortedMap<BigDecimal, Integer> known = new TreeMap<>();
    private int missing;

    void add(BigDecimal value, int n) {
      if (value == null) {
        missing += n;
      } else {
        known.merge(value, n, Integer::sum);
      }
    }
  }
}
