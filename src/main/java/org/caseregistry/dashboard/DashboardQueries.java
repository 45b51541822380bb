package org.caseregistry.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseregistry.catalog.Section;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.dashboard.DashboardData.Complications;
import org.caseregistry.dashboard.DashboardData.Counts;
import org.caseregistry.dashboard.DashboardData.Distribution;
import org.caseregistry.dashboard.DashboardData.EnrolmentCount;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.dashboard.DashboardData.Survival;
import org.caseregistry.dashboard.DashboardData.SurvivalGroup;
import org.caseregistry.dashboard.survival.SurvivalTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's SQL: everything is counted in the database with GROUP BY, in a fixed number of
 * statements whatever the number of cases (one scan of the cases for the counts per section, CCI,
 * length of stay and worst grade; one for enrolment; one for the complication lists; one pass over
 * the visits for follow-up windows and survival, which come back counted per group, endpoint and
 * distinct time, never one row per case).
 */
@Repository
class DashboardQueries {

  /** CCI bins: 0 | 0.1–19.9 | 20–39.9 | 40–59.9 | 60–79.9 | 80–99.9 | 100 (lower bounds included). */
  static final double[] CCI_BOUNDS = {0.1, 20, 40, 60, 80, 100};

  /** Length-of-stay bins in days: ≤ 7 | 8–14 | 15–21 | 22–28 | 29–42 | ≥ 43. */
  static final int[] LENGTH_OF_STAY_BOUNDS = {8, 15, 22, 29, 43};

  /** The follow-up statuses, numbered by their position (1 = WELL). */
  private static final String STATUS_CODES =
      Stream.of(org.caseregistry.catalog.CaseCodes.FollowUpStatus.values())
          .map(status -> "'" + status.name() + "'")
          .collect(Collectors.joining(", ", "array[", "]::varchar[]"));

  /** A visit's time in days after the operation (see {@link VisitWindow}). */
  private static final String VISIT_DAYS =
      "case when f.visit_date is not null and c.operation_date is not null"
          + " then (f.visit_date - c.operation_date)::float8"
          + " when f.visit_month is not null then f.visit_month * " + VisitWindow.DAYS_PER_MONTH + "::float8"
          + " end";

  private final NamedParameterJdbcTemplate jdbc;

  DashboardQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
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

  @Transactional(readOnly = true)
  DashboardData load(Scope scope, Set<Part> parts, SurvivalSplit split, LocalDate today) {
    // Sorting and hashing the visits of a large series fits in memory with more than the default.
    jdbc.getJdbcTemplate().execute("set local work_mem = '64MB'");
    CaseCounts counts =
        caseCounts(scope, parts.contains(Part.DISTRIBUTIONS), parts.contains(Part.COMPLICATIONS));
    FollowUpAndSurvival visits =
        parts.contains(Part.FOLLOW_UP) || parts.contains(Part.SURVIVAL)
            ? followUpAndSurvival(scope, split, today)
            : new FollowUpAndSurvival(null, null);
    return new DashboardData(
        counts.cases(),
        counts.filled(),
        parts.contains(Part.ENROLMENT) ? enrolment(scope) : null,
        parts.contains(Part.COMPLICATIONS)
            ? complications(scope, counts.patientsByWorstGrade(), counts.postopAnswered())
            : null,
        counts.cci(),
        counts.lengthOfStay(),
        visits.followUp(),
        visits.survival());
  }

  private record CaseCounts(
      int cases,
      Map<Section, Integer> filled,
      Distribution cci,
      Distribution lengthOfStay,
      Map<String, Integer> patientsByWorstGrade,
      int postopAnswered) {}

  /** Patients by their worst Clavien-Dindo grade, or why they have none. */
  private static Map<String, String> worstGradeConditions() {
    Map<String, String> conditions = new LinkedHashMap<>();
    for (org.caseregistry.complication.ClavienDindoGrade grade :
        org.caseregistry.complication.ClavienDindoGrade.values()) {
      conditions.put(grade.name(), "c.worst_clavien_dindo = '" + grade.name() + "'");
    }
    conditions.put("UNGRADED", "c.worst_clavien_dindo is null and c.complication_count > 0");
    conditions.put("NONE", "c.worst_clavien_dindo is null and c.complication_count = 0"
        + " and 'COMPLICATIONS' = any(c.sections_filled)");
    conditions.put("NOT_RECORDED", "c.worst_clavien_dindo is null and c.complication_count = 0"
        + " and not 'COMPLICATIONS' = any(c.sections_filled)");
    return conditions;
  }

  /**
   * In one scan of the cases: how many there are, per section how many have it filled in, and (when
   * asked) the summaries and bins of the CCI and the length of stay.
   */
  private CaseCounts caseCounts(Scope scope, boolean distributions, boolean complications) {
    StringBuilder columns = new StringBuilder("count(*) as cases");
    for (Section section : Section.values()) {
      columns.append(", count(*) filter (where '").append(section.name())
          .append("' = any(c.sections_filled)) as ").append(section.name());
    }
    if (distributions) {
      distributionColumns(columns, "cci", "c.cci", "array[" + join(CCI_BOUNDS) + "]::numeric[]",
          CCI_BOUNDS.length);
      distributionColumns(columns, "los", "c.length_of_stay_days",
          "array[" + join(LENGTH_OF_STAY_BOUNDS) + "]::integer[]", LENGTH_OF_STAY_BOUNDS.length);
    }
    if (complications) {
      columns.append(", count(*) filter (where 'POSTOP' = any(c.sections_filled)) as postop_answered");
      worstGradeConditions().forEach((key, condition) ->
          columns.append(", count(*) filter (where ").append(condition).append(") as worst_").append(key));
    }
    return jdbc.queryForObject(
        "select " + columns + " from surgical_case c where" + scope.where(),
        scope.params(),
        (rs, row) -> {
          Map<Section, Integer> filled = new EnumMap<>(Section.class);
          for (Section section : Section.values()) {
            filled.put(section, rs.getInt(section.name()));
          }
          Map<String, Integer> worst = new TreeMap<>();
          if (complications) {
            for (String key : worstGradeConditions().keySet()) {
              int n = rs.getInt("worst_" + key);
              if (n > 0) {
                worst.put(key, n);
              }
            }
          }
          return new CaseCounts(
              rs.getInt("cases"),
              filled,
              distributions ? distribution(rs, "cci", CCI_BOUNDS.length) : null,
              distributions ? distribution(rs, "los", LENGTH_OF_STAY_BOUNDS.length) : null,
              worst,
              complications ? rs.getInt("postop_answered") : 0);
        });
  }

  private static void distributionColumns(
      StringBuilder columns, String prefix, String column, String bounds, int boundCount) {
    columns.append(", count(").append(column).append(") as ").append(prefix).append("_n")
        .append(", avg(").append(column).append(")::float8 as ").append(prefix).append("_mean")
        .append(", percentile_cont(array[0.25, 0.5, 0.75]) within group (order by ").append(column)
        .append(") as ").append(prefix).append("_quartiles")
        .append(", min(").append(column).append(")::float8 as ").append(prefix).append("_min")
        .append(", max(").append(column).append(")::float8 as ").append(prefix).append("_max");
    for (int bin = 0; bin <= boundCount; bin++) {
      columns.append(", count(*) filter (where width_bucket(").append(column).append(", ")
          .append(bounds).append(") = ").append(bin).append(") as ").append(prefix).append("_bin")
          .append(bin);
    }
  }

  private static Distribution distribution(ResultSet rs, String prefix, int boundCount)
      throws SQLException {
    int[] bins = new int[boundCount + 1];
    for (int bin = 0; bin <= boundCount; bin++) {
      bins[bin] = rs.getInt(prefix + "_bin" + bin);
    }
    java.sql.Array quartiles = rs.getArray(prefix + "_quartiles");
    Double[] q = new Double[3];
    if (quartiles != null) {
      Object[] values = (Object[]) quartiles.getArray();
      for (int i = 0; i < 3; i++) {
        q[i] = values[i] == null ? null : ((Number) values[i]).doubleValue();
      }
    }
    int known = rs.getInt(prefix + "_n");
    return new Distribution(
        known,
        rs.getInt("cases") - known,
        doubleOrNull(rs, prefix + "_mean"),
        q[0],
        q[1],
        q[2],
        doubleOrNull(rs, prefix + "_min"),
        doubleOrNull(rs, prefix + "_max"),
        bins);
  }

  private List<EnrolmentCount> enrolment(Scope scope) {
    return jdbc.query(
        "select h.code as site,"
            + " date_trunc('month', coalesce(o.operation_date, c.created_at::date))::date as month,"
            + " count(*) filter (where o.operation_date is not null) as by_operation,"
            + " count(*) filter (where o.operation_date is null) as by_record"
            + " from surgical_case c join hospital_site h on h.id = c.site_id"
            + " left join case_operation o on o.case_id = c.id where" + scope.where()
            + " group by 1, 2 order by 2, 1",
        scope.params(),
        (rs, row) ->
            new EnrolmentCount(
                rs.getString("site"),
                rs.getObject("month", LocalDate.class),
                rs.getInt("by_operation"),
                rs.getInt("by_record")));
  }

  /** Complications of the cases in scope; patients by worst grade and the leak denominator come from {@link #caseCounts}. */
  private Complications complications(Scope scope, Map<String, Integer> worst, int postop) {
    String categories =
        Stream.of(EccgComplication.values())
            .map(item -> "('" + item.name() + "', '" + item.category().name() + "')")
            .collect(Collectors.joining(", "));
    Map<String, Counts> byGrade = new TreeMap<>();
    Map<String, Counts> byCategory = new TreeMap<>();
    Map<String, Counts> byItem = new TreeMap<>();
    Map<String, Integer> leaks = new TreeMap<>();
    int[] leakPatients = {0};
    jdbc.query(
        "with x as (select cc.case_id, cc.complication_type, cc.clavien_dindo, cc.eccg_severity,"
            + " 'POSTOP' = any(c.sections_filled) as postop"
            + " from case_complication cc join surgical_case c on c.id = cc.case_id where"
            + scope.where() + "),"
            + " m(complication_type, category) as (values " + categories + ")"
            + " select 'GRADE' as kind, coalesce(x.clavien_dindo, '') as key, count(*) as n,"
            + " count(distinct x.case_id) as patients from x group by x.clavien_dindo"
            + " union all select 'CATEGORY', coalesce(m.category, ''), count(*),"
            + " count(distinct x.case_id) from x"
            + " left join m on m.complication_type = x.complication_type group by m.category"
            + " union all select 'ITEM', coalesce(x.complication_type, ''), count(*),"
            + " count(distinct x.case_id) from x group by x.complication_type"
            + " union all select 'LEAK', coalesce(x.eccg_severity, ''), count(*),"
            + " count(distinct x.case_id) from x"
            + " where x.complication_type = 'ANASTOMOTIC_LEAK' and x.postop group by x.eccg_severity"
            + " union all select 'LEAK_PATIENTS', '', count(distinct x.case_id),"
            + " count(distinct x.case_id) from x"
            + " where x.complication_type = 'ANASTOMOTIC_LEAK' and x.postop",
        scope.params(),
        rs -> {
          String key = rs.getString("key");
          int n = rs.getInt("n");
          int patients = rs.getInt("patients");
          switch (rs.getString("kind")) {
            case "GRADE" -> byGrade.put(key, new Counts(n, patients));
            case "CATEGORY" -> byCategory.put(key, new Counts(n, patients));
            case "ITEM" -> byItem.put(key, new Counts(n, patients));
            case "LEAK" -> leaks.put(key, n);
            case "LEAK_PATIENTS" -> leakPatients[0] = n;
            default -> throw new IllegalStateException(rs.getString("kind"));
          }
        });
    return new Complications(byGrade, byCategory, byItem, worst, leaks, leakPatients[0], postop);
  }

  private record FollowUpAndSurvival(
      Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp, Survival survival) {}

  /**
   * Follow-up status per window (see {@link VisitWindow} and {@link FollowUpCategory}), and overall
   * and recurrence-free survival counted per group, endpoint and time, from one pass over the
   * visits: each case's visits are summed up once (first death, first recurrence or metastasis,
   * last visit, the visit that counts in each window), then counted.
   *
   * <p>Survival: time zero is the operation; a death is the first DIED visit; a recurrence the
   * first RECURRENCE or METASTASIS visit (recurrence-free survival ends at whichever of the two
   * comes first); a case without the event is censored at its last visit.
   */
  /** Window categories that are not a visit's status (statuses are 1, 2, … as in STATUS_CODES). */
  private static final int DIED_EARLIER = -1;
  private static final int NO_OPERATION_DATE = -2;
  private static final int NOT_YET_DUE = -3;
  private static final int LOST = -4;

  /**
   * The statement behind {@link #followUpAndSurvival}, with the parameters of the scope and today.
   * Each case's visits are summed up in one hash aggregation: first death, first relapse, last visit
   * and, per window, the visit that counts: the one with the greatest rank, a number made of a death
   * flag (10¹²), the time in 1/10,000 days (× 100) and the status code (the last two digits), so
   * that a death comes first, then the latest visit (a tie at the same time goes to the later status
   * in the code list). A plain max() needs no sort per case, unlike an ordered aggregate. The windows
   * are then counted with grouping sets, one per window, in one pass over the cases.
   */
  static String followUpAndSurvivalSql(Scope scope, SurvivalSplit split) {
    StringBuilder windowColumns = new StringBuilder();
    StringBuilder categories = new StringBuilder();
    StringBuilder groupingSets = new StringBuilder();
    for (VisitWindow w : VisitWindow.values()) {
      String lower = w.lowerDays() + "::float8";
      String upper = w.upperDays() + "::float8";
      windowColumns
          .append(", max(x.rank) filter (where x.t >= 0 and x.t <= ").append(upper)
          .append(w.lowerDays() == 0 ? "" : " and x.t > " + lower)
          .append(") as w").append(w.month());
      categories
          .append(", case when p.death <= ").append(lower).append(" then ").append(DIED_EARLIER)
          .append(" when p.w").append(w.month()).append(" is not null then p.w").append(w.month())
          .append(" % 100 when p.operation_date is null then ").append(NO_OPERATION_DATE)
          .append(" when (cast(:today as date) - p.operation_date) < ").append(upper)
          .append(" then ").append(NOT_YET_DUE).append(" else ").append(LOST).append(" end as m")
          .append(w.month());
      groupingSets.append(groupingSets.length() == 0 ? "" : ", ").append("(m").append(w.month()).append(")");
    }
    StringBuilder windowOutput = new StringBuilder();
    for (VisitWindow w : VisitWindow.values()) {
      windowOutput.append(windowOutput.length() == 0 ? "case" : "")
          .append(" when grouping(m").append(w.month()).append(") = 0 then ").append(w.month());
    }
    StringBuilder categoryOutput = new StringBuilder("coalesce(");
    for (VisitWindow w : VisitWindow.values()) {
      categoryOutput.append(w == VisitWindow.MONTH_1 ? "" : ", ").append("m").append(w.month());
    }
    categoryOutput.append(")");
    return "with c as (select c.id, o.operation_date, " + split.sql() + " as grp"
        + " from surgical_case c"
        + (split == SurvivalSplit.SITE ? " join hospital_site h on h.id = c.site_id" : "")
        + " left join case_operation o on o.case_id = c.id"
        + (split == SurvivalSplit.NEOADJUVANT_THERAPY
            ? " left join case_neoadjuvant n on n.case_id = c.id"
            : "")
        + " where" + scope.where() + "),"
        + " p as (select c.id, c.grp, c.operation_date,"
        + " min(x.t) filter (where x.t >= 0 and x.status = 'DIED') as death,"
        + " min(x.t) filter (where x.t >= 0 and x.status in ('DIED', 'RECURRENCE', 'METASTASIS'))"
        + " as relapse,"
        + " max(x.t) filter (where x.t >= 0) as last_seen" + windowColumns
        + " from c left join (select f.case_id, f.visit_date,"
        + " f.visit_month, f.followup_status as status,"
        + " array_position(" + STATUS_CODES + ", coalesce(f.followup_status, 'UNKNOWN')) as code"
        + " from case_followup f) f on f.case_id = c.id"
        + " cross join lateral (select f.status, t,"
        + " (case when f.status = 'DIED' then 1000000000000 else 0 end"
        + " + round(t * 10000)::bigint * 100 + f.code)::bigint as rank"
        + " from (select " + VISIT_DAYS + " as t) as d) as x"
        + " group by c.id, c.grp, c.operation_date),"
        + " q as (select p.id" + categories + " from p)"
        + " select 'WINDOW' as kind, null as grp, " + windowOutput + " end as window_month, "
        + categoryOutput + " as category, null::float8 as t, count(*) as events, 0 as censored"
        + " from q group by grouping sets (" + groupingSets + ")"
        + " union all select 'OS', grp, null, null, coalesce(death, last_seen),"
        + " count(*) filter (where death is not null), count(*) filter (where death is null)"
        + " from p where last_seen is not null group by 2, 5"
        + " union all select 'RFS', grp, null, null, coalesce(relapse, last_seen),"
        + " count(*) filter (where relapse is not null), count(*) filter (where relapse is null)"
        + " from p where last_seen is not null group by 2, 5"
        + " union all select 'NONE', grp, null, null, null, 0, count(*)"
        + " from p where last_seen is null group by 2";
  }

  /** A window category as counted in SQL: a visit's status, or why there is no visit. */
  private static FollowUpCategory category(int code) {
    return switch (code) {
      case DIED_EARLIER -> FollowUpCategory.DIED;
      case NO_OPERATION_DATE -> FollowUpCategory.NO_OPERATION_DATE;
      case NOT_YET_DUE -> FollowUpCategory.NOT_YET_DUE;
      case LOST -> FollowUpCategory.LOST;
      default -> FollowUpCategory.of(
          org.caseregistry.catalog.CaseCodes.FollowUpStatus.values()[code - 1].name());
    };
  }

  private FollowUpAndSurvival followUpAndSurvival(
      Scope scope, SurvivalSplit split, LocalDate today) {
    Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp = new LinkedHashMap<>();
    for (VisitWindow window : VisitWindow.values()) {
      followUp.put(window, new EnumMap<>(FollowUpCategory.class));
    }
    Map<String, List<SurvivalTime>> overall = new TreeMap<>();
    Map<String, List<SurvivalTime>> recurrenceFree = new TreeMap<>();
    Map<String, Integer> without = new TreeMap<>();
    MapSqlParameterSource params = scope.params().addValue("today", today);
    jdbc.query(
        followUpAndSurvivalSql(scope, split),
        params,
        rs -> {
          String kind = rs.getString("kind");
          String group = rs.getString("grp");
          switch (kind) {
            case "WINDOW" -> {
              VisitWindow window = VisitWindow.ofMonth(rs.getInt("window_month"));
              followUp.get(window).merge(category(rs.getInt("category")), rs.getInt("events"), Integer::sum);
            }
            case "NONE" -> without.put(group, rs.getInt("censored"));
            default ->
                (kind.equals("OS") ? overall : recurrenceFree)
                    .computeIfAbsent(group, g -> new ArrayList<>())
                    .add(new SurvivalTime(rs.getDouble("t"), rs.getInt("events"), rs.getInt("censored")));
          }
        });
    java.util.SortedSet<String> groups = new java.util.TreeSet<>(overall.keySet());
    groups.addAll(without.keySet());
    List<SurvivalGroup> result = new ArrayList<>();
    for (String group : groups) {
      result.add(
          new SurvivalGroup(
              group,
              overall.getOrDefault(group, List.of()),
              recurrenceFree.getOrDefault(group, List.of()),
              without.getOrDefault(group, 0)));
    }
    return new FollowUpAndSurvival(followUp, new Survival(split, result));
  }

  private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static String join(double[] values) {
    return java.util.Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(", "));
  }

  private static String join(int[] values) {
    return java.util.Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
  }
}
