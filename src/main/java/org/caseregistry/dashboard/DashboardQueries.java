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
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.caseregistry.catalog.Section;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.complication.TallyKind;
import org.caseregistry.complication.WorstGradeGroup;
import org.caseregistry.dashboard.DashboardData.Complications;
import org.caseregistry.dashboard.DashboardData.Counts;
import org.caseregistry.dashboard.DashboardData.Distribution;
import org.caseregistry.dashboard.DashboardData.EnrolmentCount;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.dashboard.DashboardData.Survival;
import org.caseregistry.dashboard.DashboardData.SurvivalGroup;
import org.caseregistry.dashboard.survival.SurvivalTime;
import org.caseregistry.followup.VisitWindow;
import org.caseregistry.platform.ReportingDatabase;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's SQL: everything is counted in the database with GROUP BY, in two statements
 * whatever the number of cases. One scan of the cases counts them by every key the page needs at
 * once (grouping sets: sections filled, CCI and length of stay by value, worst grade, site and
 * month, the category at each follow-up window, survival time and event per group), from the values
 * stored with each case, follow-up summary included; one statement counts the complication rows.
 * What comes back is bounded by the number of distinct values, never one row per case.
 */
@Repository
class DashboardQueries {

  /**
   * CCI bins: 0 | 0.1–19.9 | 20–39.9 | 40–59.9 | 60–79.9 | 80–99.9 | 100 (lower bounds included).
   */
  static final double[] CCI_BOUNDS = {0.1, 20, 40, 60, 80, 100};

  /** Length-of-stay bins in days: ≤ 7 | 8–14 | 15–21 | 22–28 | 29–42 | ≥ 43. */
  static final int[] LENGTH_OF_STAY_BOUNDS = {8, 15, 22, 29, 43};

  private final ReportingDatabase reporting;
  private final NamedParameterJdbcTemplate jdbc;

  DashboardQueries(ReportingDatabase reporting) {
    this.reporting = reporting;
    this.jdbc = reporting.jdbc();
  }

  /**
   * Which cases count: active cases of the series, of the sites the reader may see ({@code
   * allowedSites} null for admins), of one site when {@code siteId} is given.
   */
  record Scope(long seriesId, Long siteId, Set<Long> allowedSites) {

    String where() {
      return " c.series_id = :series and c.status = 'ACTIVE'"
          + (allowedSites == null ? "" : " and c.site_id in (:allowed)")
          + (siteId == null ? "" : " and c.site_id = :site");
    }

    MapSqlParameterSource params() {
      MapSqlParameterSource params = new MapSqlParameterSource("series", seriesId);
      if (allowedSites != null) {
        params.addValue("allowed", allowedSites.isEmpty() ? Set.of(-1L) : allowedSites);
      }
      if (siteId != null) {
        params.addValue("site", siteId);
      }
      return params;
    }
  }

  DashboardData load(Scope scope, Set<Part> parts, SurvivalSplit split, LocalDate today) {
    return reporting.read(() -> loadInSnapshot(scope, parts, split, today));
  }

  private DashboardData loadInSnapshot(
      Scope scope, Set<Part> parts, SurvivalSplit split, LocalDate today) {
    // The grouping sets of a large series are hashed in memory with more than the default.
    jdbc.getJdbcTemplate().execute("set local work_mem = '64MB'");
    CaseTally tally = caseTally(scope, parts, split, today);
    return new DashboardData(
        tally.cases(),
        tally.filled(),
        parts.contains(Part.ENROLMENT) ? tally.enrolment() : null,
        parts.contains(Part.COMPLICATIONS)
            ? complications(scope, tally.patientsByWorstGrade(), tally.postopAnswered())
            : null,
        parts.contains(Part.DISTRIBUTIONS) ? tally.cci() : null,
        parts.contains(Part.DISTRIBUTIONS) ? tally.lengthOfStay() : null,
        parts.contains(Part.FOLLOW_UP) ? tally.followUp() : null,
        parts.contains(Part.SURVIVAL) ? tally.survival(split) : null);
  }

  // ---------------------------------------------------------------- one scan of the cases

  /**
   * The keys the cases are counted by, each with its SQL expression over surgical_case (c), its
   * hospital site (h) and, for some splits, its operation (o) or neoadjuvant section (n). Every
   * follow-up and survival key reads the follow-up summary stored with the case (see
   * followup.FollowUpSummary), never the visits.
   */
  /** The postoperative section of either procedure is answered (the leak rate's denominator). */
  private static final String POSTOP_ANSWERED =
      "('POSTOP' = any(c.sections_filled) or 'GASTRIC_POSTOP' = any(c.sections_filled))";

  enum Key {
    SECTIONS("c.sections_filled"),
    CCI("c.cci"),
    LENGTH_OF_STAY("c.length_of_stay_days"),
    WORST_GRADE("c.worst_clavien_dindo"),
    HAS_COMPLICATIONS("c.complication_count > 0"),
    COMPLICATIONS_ANSWERED(
        "('COMPLICATIONS' = any(c.sections_filled)"
            + " or 'GASTRIC_COMPLICATIONS' = any(c.sections_filled))"),
    SITE("h.code"),
    MONTH(
        "date_trunc('month', coalesce(c.followup_start_date,"
            + " c.created_at::date)::timestamp)::date"),
    DATED("c.followup_start_date is not null"),
    WINDOW_1(windowCategory(VisitWindow.MONTH_1)),
    WINDOW_3(windowCategory(VisitWindow.MONTH_3)),
    WINDOW_6(windowCategory(VisitWindow.MONTH_6)),
    WINDOW_12(windowCategory(VisitWindow.MONTH_12)),
    GROUP(null),
    OS_TIME("coalesce(c.followup_death_days, c.followup_last_days)"),
    OS_EVENT("c.followup_death_days is not null"),
    RFS_TIME("coalesce(c.followup_relapse_days, c.followup_last_days)"),
    RFS_EVENT("c.followup_relapse_days is not null");

    private final String sql;

    Key(String sql) {
      this.sql = sql;
    }

    String sql(SurvivalSplit split) {
      return this == GROUP ? split.sql() : sql;
    }

    String alias() {
      return "k_" + name().toLowerCase();
    }
  }

  /**
   * Where a case stands at a window, as its category's name: dead at or before the window's start,
   * else the status counted in the window, else why there is no visit (today decides whether the
   * window is due; see {@link FollowUpCategory}).
   */
  private static String windowCategory(VisitWindow window) {
    return "case when c.followup_death_days <= "
        + window.lowerDays()
        + "::float8 then '"
        + FollowUpCategory.DIED.name()
        + "' when c."
        + window.statusColumn()
        + " is not null then c."
        + window.statusColumn()
        + " when c.followup_start_date is null then '"
        + FollowUpCategory.NO_OPERATION_DATE.name()
        + "' when (cast(:today as date)"
        + " - c.followup_start_date) < "
        + window.upperDays()
        + "::float8 then '"
        + FollowUpCategory.NOT_YET_DUE.name()
        + "' else '"
        + FollowUpCategory.LOST.name()
        + "' end";
  }

  /** The window counted by each window key. */
  private static final Map<Key, VisitWindow> WINDOW_KEYS =
      Map.of(
          Key.WINDOW_1,
          VisitWindow.MONTH_1,
          Key.WINDOW_3,
          VisitWindow.MONTH_3,
          Key.WINDOW_6,
          VisitWindow.MONTH_6,
          Key.WINDOW_12,
          VisitWindow.MONTH_12);

  /** The grouping sets each part needs; the sections are always counted (they give the total). */
  private static List<List<Key>> groupingSets(Set<Part> parts) {
    List<List<Key>> sets = new ArrayList<>();
    sets.add(List.of(Key.SECTIONS));
    if (parts.contains(Part.DISTRIBUTIONS)) {
      sets.add(List.of(Key.CCI));
      sets.add(List.of(Key.LENGTH_OF_STAY));
    }
    if (parts.contains(Part.COMPLICATIONS)) {
      sets.add(List.of(Key.WORST_GRADE, Key.HAS_COMPLICATIONS, Key.COMPLICATIONS_ANSWERED));
    }
    if (parts.contains(Part.ENROLMENT)) {
      sets.add(List.of(Key.SITE, Key.MONTH, Key.DATED));
    }
    if (parts.contains(Part.FOLLOW_UP)) {
      for (Key window : List.of(Key.WINDOW_1, Key.WINDOW_3, Key.WINDOW_6, Key.WINDOW_12)) {
        sets.add(List.of(window));
      }
    }
    if (parts.contains(Part.SURVIVAL)) {
      sets.add(List.of(Key.GROUP, Key.OS_TIME, Key.OS_EVENT));
      sets.add(List.of(Key.GROUP, Key.RFS_TIME, Key.RFS_EVENT));
    }
    return sets;
  }

  /** Every key of the sets, once, in the order of {@link Key}: the columns of the statement. */
  private static List<Key> keysOf(List<List<Key>> sets) {
    return sets.stream().flatMap(List::stream).distinct().sorted().toList();
  }

  /**
   * The statement that counts the cases in scope by every grouping set the parts need, in one scan
   * of surgical_case: {@code grouping(...)} tells which set a row counts (a bit per key, set when
   * the key is not in the row's set).
   */
  static String caseTallySql(Scope scope, Set<Part> parts, SurvivalSplit split) {
    List<List<Key>> sets = groupingSets(parts);
    List<Key> keys = keysOf(sets);
    boolean site =
        keys.contains(Key.SITE) || (keys.contains(Key.GROUP) && split == SurvivalSplit.SITE);
    boolean operation = keys.contains(Key.GROUP) && split == SurvivalSplit.ABDOMINAL_APPROACH;
    boolean neoadjuvant = keys.contains(Key.GROUP) && split == SurvivalSplit.NEOADJUVANT_THERAPY;
    String aliases = keys.stream().map(Key::alias).collect(Collectors.joining(", "));
    return "select grouping("
        + aliases
        + ") as grouping_mask, "
        + aliases
        + ", count(*) as n"
        + " from (select "
        + keys.stream()
            .map(key -> key.sql(split) + " as " + key.alias())
            .collect(Collectors.joining(", "))
        + " from surgical_case c"
        + (site ? " join hospital_site h on h.id = c.site_id" : "")
        + (operation ? " left join case_operation o on o.case_id = c.id" : "")
        + (neoadjuvant ? " left join case_neoadjuvant n on n.case_id = c.id" : "")
        + " where"
        + scope.where()
        + ") as x group by grouping sets ("
        + sets.stream()
            .map(set -> set.stream().map(Key::alias).collect(Collectors.joining(", ", "(", ")")))
            .collect(Collectors.joining(", "))
        + ")";
  }

  private CaseTally caseTally(Scope scope, Set<Part> parts, SurvivalSplit split, LocalDate today) {
    List<List<Key>> sets = groupingSets(parts);
    List<Key> keys = keysOf(sets);
    Map<Integer, List<Key>> setByMask = new LinkedHashMap<>();
    for (List<Key> set : sets) {
      int mask = 0;
      for (int i = 0; i < keys.size(); i++) {
        if (!set.contains(keys.get(i))) {
          mask |= 1 << (keys.size() - 1 - i);
        }
      }
      setByMask.put(mask, set);
    }
    CaseTally tally = new CaseTally();
    jdbc.query(
        caseTallySql(scope, parts, split),
        scope.params().addValue("today", today),
        rs -> {
          List<Key> set = setByMask.get(rs.getInt("grouping_mask"));
          tally.add(set, rs, rs.getInt("n"));
        });
    return tally;
  }

  /** The counts of {@link #caseTally}, sorted out per part. */
  private static final class CaseTally {
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
                .get(WINDOW_KEYS.get(first))
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
      return Distribution.of(cci.known, cci.missing, CCI_BOUNDS);
    }

    Distribution lengthOfStay() {
      return Distribution.of(
          lengthOfStay.known,
          lengthOfStay.missing,
          Arrays.stream(LENGTH_OF_STAY_BOUNDS).asDoubleStream().toArray());
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

  /**
   * Complications of the cases in scope, from the tally stored with each case (see
   * DerivedValues#complicationTally): per key, how many complications and how many patients, and
   * the same among the cases with the postoperative section answered (the leak rate counts only
   * those). Patients by worst grade and the leak denominator come from {@link #caseTally}.
   */
  private Complications complications(Scope scope, Map<String, Integer> worst, int postop) {
    Map<String, Counts> byGrade = new TreeMap<>();
    Map<String, Counts> byCategory = new TreeMap<>();
    Map<String, Counts> byItem = new TreeMap<>();
    Map<String, Integer> leaks = new TreeMap<>();
    int[] leakPatients = {0};
    String leakItem = TallyKind.ITEM.key(EccgComplication.ANASTOMOTIC_LEAK.name());
    jdbc.query(
        "select t.key, sum(t.n) as n, count(*) as patients, coalesce(sum(t.n) filter (where"
            + POSTOP_ANSWERED
            + "), 0) as n_postop, count(*) filter (where "
            + POSTOP_ANSWERED
            + ") as patients_postop from surgical_case c cross join"
            + " lateral unnest(c.complication_keys, c.complication_key_counts) as t(key, n) where"
            + scope.where()
            + " and c.complication_count > 0 group by t.key",
        scope.params(),
        rs -> {
          String tallyKey = rs.getString("key");
          String key = TallyKind.codeOf(tallyKey);
          Counts counts = new Counts(rs.getInt("n"), rs.getInt("patients"));
          switch (TallyKind.ofKey(tallyKey)) {
            case GRADE -> byGrade.put(key, counts);
            case CATEGORY -> byCategory.put(key, counts);
            case ITEM -> byItem.put(key, counts);
            case LEAK -> {
              if (rs.getInt("n_postop") > 0) {
                leaks.put(key, rs.getInt("n_postop"));
              }
            }
            // ISGPS grades of pancreatic fistulas: the fistulas are counted by their ITEM key.
            case POPF -> {}
          }
          if (tallyKey.equals(leakItem)) {
            leakPatients[0] = rs.getInt("patients_postop");
          }
        });
    return new Complications(byGrade, byCategory, byItem, worst, leaks, leakPatients[0], postop);
  }
}
