package org.caseregistry.dashboard;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.caseregistry.dashboard.CaseTallyQuery.Key;
import org.caseregistry.dashboard.DashboardData.Distribution;
import org.caseregistry.dashboard.DashboardData.EnrolmentCount;
import org.caseregistry.dashboard.DashboardData.Survival;
import org.caseregistry.dashboard.DashboardData.SurvivalGroup;
import org.caseregistry.dashboard.survival.SurvivalTime;
import org.caseregistry.followup.VisitWindow;

/** The counts of the scan of the cases ({@link CaseTallyQuery}), sorted out per part. */
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

  /** Counts one result row, of the grouping set {@code set}. */
  void add(List<Key> set, ResultSet rs, int n) throws SQLException {
    Key first = set.get(0);
    switch (first) {
      case SECTIONS -> {
        cases += n;
        Array array = rs.getArray(Key.SECTIONS.alias());
        for (Object section : (Object[]) array.getArray()) {
          filled.merge(Section.valueOf((String) section), n, Integer::sum);
        }
      }
      case CCI -> cci.add(rs.getBigDecimal(Key.CCI.alias()), n);
      case LENGTH_OF_STAY -> lengthOfStay.add(rs.getBigDecimal(Key.LENGTH_OF_STAY.alias()), n);
      case WORST_GRADE -> worst.merge(worstGrade(rs), n, Integer::sum);
      case SITE -> {
        String site = rs.getString(Key.SITE.alias());
        LocalDate month = rs.getObject(Key.MONTH.alias(), LocalDate.class);
        boolean dated = rs.getBoolean(Key.DATED.alias());
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
      case WINDOW_1, WINDOW_3, WINDOW_6, WINDOW_12 ->
          followUp
              .get(CaseTallyQuery.WINDOW_KEYS.get(first))
              .merge(FollowUpCategory.of(rs.getString(first.alias())), n, Integer::sum);
      case GROUP -> {
        String group = rs.getString(Key.GROUP.alias());
        boolean os = set.contains(Key.OS_TIME);
        Key time = os ? Key.OS_TIME : Key.RFS_TIME;
        Key event = os ? Key.OS_EVENT : Key.RFS_EVENT;
        double t = rs.getDouble(time.alias());
        if (rs.wasNull()) {
          if (os) {
            withoutFollowUp.merge(group, n, Integer::sum);
          }
          return;
        }
        int[] counts =
            (os ? overall : recurrenceFree)
                .computeIfAbsent(group, g -> new TreeMap<>())
                .computeIfAbsent(t, at -> new int[2]);
        counts[rs.getBoolean(event.alias()) ? 0 : 1] += n;
      }
      default -> throw new IllegalStateException("No grouping set starts with " + first);
    }
  }

  /** Patients by their worst Clavien-Dindo grade, or why they have none. */
  private static String worstGrade(ResultSet rs) throws SQLException {
    String grade = rs.getString(Key.WORST_GRADE.alias());
    if (grade != null) {
      return grade;
    }
    if (rs.getBoolean(Key.HAS_COMPLICATIONS.alias())) {
      return WorstGradeGroup.UNGRADED.name();
    }
    return (rs.getBoolean(Key.COMPLICATIONS_ANSWERED.alias())
            ? WorstGradeGroup.NONE
            : WorstGradeGroup.NOT_RECORDED)
        .name();
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
