package org.caseregistry.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.complication.WorstGradeGroup;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.dashboard.DashboardQueries.Scope;
import org.caseregistry.followup.VisitWindow;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The reference the kept counts are checked against (DashboardCountsIntegrationTest): the scan of
 * the cases the dashboard ran until it read kept counts (V59, {@link DashboardCounts}). The one
 * scan of the cases: counts the cases in scope by every key the parts need at once (grouping sets:
 * sections filled, CCI and length of stay by value, worst grade, site and month, the category at
 * each follow-up window, survival time and event per group), from the values stored with each case,
 * follow-up summary included.
 */
final class CaseTallyQuery {

  private CaseTallyQuery() {}

  /** The postoperative section of either procedure is answered (the leak rate's denominator). */
  static final String POSTOP_ANSWERED =
      "('POSTOP' = any(c.sections_filled) or 'GASTRIC_POSTOP' = any(c.sections_filled))";

  /**
   * The keys the cases are counted by, each with its SQL expression over case_view (c), its
   * hospital site (h) and, for some splits, its operation (o) or neoadjuvant section (n). Every
   * follow-up and survival key reads the follow-up summary stored with the case (see
   * followup.FollowUpSummary), never the visits.
   */
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
  static final Map<Key, VisitWindow> WINDOW_KEYS =
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
   * of case_view: {@code grouping(...)} tells which set a row counts (a bit per key, set when the
   * key is not in the row's set).
   */
  static String sql(Scope scope, Set<Part> parts, SurvivalSplit split) {
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
        + " from case_view c"
        + (site ? " join hospital_site h on h.id = c.site_id" : "")
        + (operation ? " left join case_operation_view o on o.case_id = c.id" : "")
        + (neoadjuvant ? " left join case_neoadjuvant_view n on n.case_id = c.id" : "")
        + " where"
        + scope.where()
        + ") as x group by grouping sets ("
        + sets.stream()
            .map(set -> set.stream().map(Key::alias).collect(Collectors.joining(", ", "(", ")")))
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** Runs the statement and sorts its rows out per part. */
  static CaseTally count(
      NamedParameterJdbcTemplate jdbc,
      Scope scope,
      Set<Part> parts,
      SurvivalSplit split,
      LocalDate today) {
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
        sql(scope, parts, split),
        scope.params().addValue("today", today),
        rs -> {
          List<Key> set = setByMask.get(rs.getInt("grouping_mask"));
          add(tally, set, rs, rs.getInt("n"));
        });
    return tally;
  }

  /** Counts one result row, of the grouping set {@code set}. */
  private static void add(CaseTally tally, List<Key> set, ResultSet rs, int n) throws SQLException {
    Key first = set.get(0);
    switch (first) {
      case SECTIONS -> {
        List<String> sections = new ArrayList<>();
        for (Object section : (Object[]) rs.getArray(Key.SECTIONS.alias()).getArray()) {
          sections.add((String) section);
        }
        tally.addSections(sections, n);
      }
      case CCI -> tally.addCci(rs.getBigDecimal(Key.CCI.alias()), n);
      case LENGTH_OF_STAY -> tally.addLengthOfStay(rs.getBigDecimal(Key.LENGTH_OF_STAY.alias()), n);
      case WORST_GRADE -> tally.addWorstGrade(worstGrade(rs), n);
      case SITE ->
          tally.addEnrolment(
              rs.getString(Key.SITE.alias()),
              rs.getObject(Key.MONTH.alias(), LocalDate.class),
              rs.getBoolean(Key.DATED.alias()),
              n);
      case WINDOW_1, WINDOW_3, WINDOW_6, WINDOW_12 ->
          tally.addFollowUp(
              WINDOW_KEYS.get(first), FollowUpCategory.of(rs.getString(first.alias())), n);
      case GROUP -> {
        boolean os = set.contains(Key.OS_TIME);
        double time = rs.getDouble((os ? Key.OS_TIME : Key.RFS_TIME).alias());
        Double followedUp = rs.wasNull() ? null : time;
        tally.addSurvival(
            os,
            rs.getString(Key.GROUP.alias()),
            followedUp,
            rs.getBoolean((os ? Key.OS_EVENT : Key.RFS_EVENT).alias()),
            n);
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
}
