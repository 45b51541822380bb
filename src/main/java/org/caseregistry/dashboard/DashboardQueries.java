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
 * The dashboard's SQL: every part is counted in the database with GROUP BY, one statement per
 * part, so that the number of statements and the rows that come back do not grow with the number
 * of cases (the survival part returns one row per group, endpoint and distinct time).
 */
@Repository
class DashboardQueries {

  /** CCI bins: 0 | 0.1–19.9 | 20–39.9 | 40–59.9 | 60–79.9 | 80–99.9 | 100 (lower bounds included). */
  static final double[] CCI_BOUNDS = {0.1, 20, 40, 60, 80, 100};

  /** Length-of-stay bins in days: ≤ 7 | 8–14 | 15–21 | 22–28 | 29–42 | ≥ 43. */
  static final int[] LENGTH_OF_STAY_BOUNDS = {8, 15, 22, 29, 43};

  /** A visit's time in days after the operation (see {@link VisitWindow}). */
  private static final String VISIT_DAYS =
      "case when f.visit_date is not null and c.operation_date is not null"
          + " then (f.visit_date - c.operation_date)::float8"
          + " when f.visit_month is not null then f.visit_month * " + VisitWindow.DAYS_PER_MONTH
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
    Completeness completeness = completeness(scope);
    return new DashboardData(
        completeness.cases(),
        completeness.filled(),
        parts.contains(Part.ENROLMENT) ? enrolment(scope) : null,
        parts.contains(Part.COMPLICATIONS) ? complications(scope) : null,
        parts.contains(Part.DISTRIBUTIONS) ? distributions(scope, "CCI") : null,
        parts.contains(Part.DISTRIBUTIONS) ? distributions(scope, "LOS") : null,
        parts.contains(Part.FOLLOW_UP) ? followUp(scope, today) : null,
        parts.contains(Part.SURVIVAL) ? survival(scope, split) : null);
  }

  private record Completeness(int cases, Map<Section, Integer> filled) {}

  /** Cases in scope, and per section how many have it filled in. */
  private Completeness completeness(Scope scope) {
    Map<Section, Integer> filled = new EnumMap<>(Section.class);
    int[] cases = {0};
    jdbc.query(
        "select s.section, count(*) as n from surgical_case c"
            + " cross join lateral unnest(c.sections_filled) as s(section) where" + scope.where()
            + " group by s.section"
            + " union all select '' as section, count(*) as n from surgical_case c where"
            + scope.where(),
        scope.params(),
        rs -> {
          String section = rs.getString("section");
          if (section.isEmpty()) {
            cases[0] = rs.getInt("n");
          } else {
            filled.put(Section.valueOf(section), rs.getInt("n"));
          }
        });
    for (Section section : Section.values()) {
      filled.putIfAbsent(section, 0);
    }
    return new Completeness(cases[0], filled);
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

  private Complications complications(Scope scope) {
    String categories =
        Stream.of(EccgComplication.values())
            .map(item -> "('" + item.name() + "', '" + item.category().name() + "')")
            .collect(Collectors.joining(", "));
    Map<String, Counts> byGrade = new TreeMap<>();
    Map<String, Counts> byCategory = new TreeMap<>();
    Map<String, Counts> byItem = new TreeMap<>();
    Map<String, Integer> worst = new TreeMap<>();
    Map<String, Integer> leaks = new TreeMap<>();
    int[] leakPatients = {0};
    int[] postop = {0};
    jdbc.query(
        "with c as (select c.id, c.sections_filled, c.worst_clavien_dindo, c.complication_count"
            + " from surgical_case c where" + scope.where() + "),"
            + " x as (select cc.case_id, cc.complication_type, cc.clavien_dindo, cc.eccg_severity,"
            + " 'POSTOP' = any(c.sections_filled) as postop"
            + " from case_complication cc join c on c.id = cc.case_id),"
            + " m(complication_type, category) as (values " + categories + ")"
            + " select 'GRADE' as kind, coalesce(x.clavien_dindo, '') as key, count(*) as n,"
            + " count(distinct x.case_id) as patients from x group by x.clavien_dindo"
            + " union all select 'CATEGORY', coalesce(m.category, ''), count(*),"
            + " count(distinct x.case_id) from x"
            + " left join m on m.complication_type = x.complication_type group by m.category"
            + " union all select 'WORST', case when c.worst_clavien_dindo is not null"
            + " then c.worst_clavien_dindo when c.complication_count > 0 then 'UNGRADED'"
            + " when 'COMPLICATIONS' = any(c.sections_filled) then 'NONE' else 'NOT_RECORDED' end,"
            + " count(*), count(*) from c group by 2"
            + " union all select 'ITEM', coalesce(x.complication_type, ''), count(*),"
            + " count(distinct x.case_id) from x group by x.complication_type"
            + " union all select 'LEAK', coalesce(x.eccg_severity, ''), count(*),"
            + " count(distinct x.case_id) from x"
            + " where x.complication_type = 'ANASTOMOTIC_LEAK' and x.postop group by x.eccg_severity"
            + " union all select 'LEAK_PATIENTS', '', count(distinct x.case_id),"
            + " count(distinct x.case_id) from x"
            + " where x.complication_type = 'ANASTOMOTIC_LEAK' and x.postop"
            + " union all select 'POSTOP_ANSWERED', '', count(*), count(*) from c"
            + " where 'POSTOP' = any(c.sections_filled)",
        scope.params(),
        rs -> {
          String key = rs.getString("key");
          int n = rs.getInt("n");
          int patients = rs.getInt("patients");
          switch (rs.getString("kind")) {
            case "GRADE" -> byGrade.put(key, new Counts(n, patients));
            case "CATEGORY" -> byCategory.put(key, new Counts(n, patients));
            case "ITEM" -> byItem.put(key, new Counts(n, patients));
            case "WORST" -> worst.put(key, n);
            case "LEAK" -> leaks.put(key, n);
            case "LEAK_PATIENTS" -> leakPatients[0] = n;
            case "POSTOP_ANSWERED" -> postop[0] = n;
            default -> throw new IllegalStateException(rs.getString("kind"));
          }
        });
    return new Complications(byGrade, byCategory, byItem, worst, leaks, leakPatients[0], postop[0]);
  }

  /** CCI or length of stay: summary and bins in one statement. */
  private Distribution distributions(Scope scope, String which) {
    boolean cci = which.equals("CCI");
    String column = cci ? "c.cci" : "c.length_of_stay_days";
    String bounds =
        cci
            ? "array[" + join(CCI_BOUNDS) + "]::numeric[]"
            : "array[" + join(LENGTH_OF_STAY_BOUNDS) + "]::integer[]";
    int[] bins = new int[(cci ? CCI_BOUNDS.length : LENGTH_OF_STAY_BOUNDS.length) + 1];
    Distribution[] summary = new Distribution[1];
    jdbc.query(
        "select -1 as bin, count(" + column + ") as n, count(*) - count(" + column + ") as missing,"
            + " avg(" + column + ")::float8 as mean,"
            + " percentile_cont(0.25) within group (order by " + column + ") as q1,"
            + " percentile_cont(0.5) within group (order by " + column + ") as median,"
            + " percentile_cont(0.75) within group (order by " + column + ") as q3,"
            + " min(" + column + ")::float8 as lo, max(" + column + ")::float8 as hi"
            + " from surgical_case c where" + scope.where()
            + " union all select width_bucket(" + column + ", " + bounds + "), count(*), 0,"
            + " null, null, null, null, null, null from surgical_case c where" + scope.where()
            + " and " + column + " is not null group by 1",
        scope.params(),
        rs -> {
          int bin = rs.getInt("bin");
          if (bin < 0) {
            summary[0] =
                new Distribution(
                    rs.getInt("n"),
                    rs.getInt("missing"),
                    doubleOrNull(rs, "mean"),
                    doubleOrNull(rs, "q1"),
                    doubleOrNull(rs, "median"),
                    doubleOrNull(rs, "q3"),
                    doubleOrNull(rs, "lo"),
                    doubleOrNull(rs, "hi"),
                    bins);
          } else {
            bins[bin] = rs.getInt("n");
          }
        });
    return summary[0];
  }

  /** Follow-up status per window (see {@link VisitWindow} and {@link FollowUpCategory}). */
  private Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp(Scope scope, LocalDate today) {
    String windows =
        Stream.of(VisitWindow.values())
            .map(w -> "(" + w.month() + ", " + w.lowerDays() + "::float8, " + w.upperDays() + "::float8)")
            .collect(Collectors.joining(", "));
    Map<VisitWindow, Map<FollowUpCategory, Integer>> result = new LinkedHashMap<>();
    for (VisitWindow window : VisitWindow.values()) {
      result.put(window, new EnumMap<>(FollowUpCategory.class));
    }
    MapSqlParameterSource params = scope.params().addValue("today", today);
    jdbc.query(
        "with c as (select c.id, o.operation_date from surgical_case c"
            + " left join case_operation o on o.case_id = c.id where" + scope.where() + "),"
            + " v as (select f.case_id, f.position, f.id as item_id, f.followup_status as status, "
            + VISIT_DAYS + " as t from case_followup f join c on c.id = f.case_id),"
            + " w(window_month, lower_days, upper_days) as (values " + windows + "),"
            + " latest as (select distinct on (v.case_id, w.window_month) v.case_id, w.window_month,"
            + " v.status from v join w on v.t >= 0 and v.t <= w.upper_days"
            + " and (v.t > w.lower_days or w.lower_days = 0)"
            + " order by v.case_id, w.window_month, (v.status = 'DIED') desc, v.t desc,"
            + " v.position desc, v.item_id desc),"
            + " deaths as (select case_id, min(t) as t from v where status = 'DIED' and t >= 0"
            + " group by case_id)"
            + " select w.window_month, case"
            + " when d.t <= w.lower_days then 'DIED'"
            + " when l.case_id is not null then coalesce(l.status, 'UNKNOWN')"
            + " when c.operation_date is null then 'NO_OPERATION_DATE'"
            + " when (cast(:today as date) - c.operation_date) < w.upper_days then 'NOT_YET_DUE'"
            + " else 'LOST' end as category, count(*) as n"
            + " from c cross join w"
            + " left join latest l on l.case_id = c.id and l.window_month = w.window_month"
            + " left join deaths d on d.case_id = c.id"
            + " group by 1, 2",
        params,
        rs -> {
          VisitWindow window = VisitWindow.ofMonth(rs.getInt("window_month"));
          String category = rs.getString("category");
          FollowUpCategory key =
              switch (category) {
                case "NO_OPERATION_DATE", "NOT_YET_DUE", "LOST" -> FollowUpCategory.valueOf(category);
                default -> FollowUpCategory.of(category);
              };
          result.get(window).merge(key, rs.getInt("n"), Integer::sum);
        });
    return result;
  }

  /**
   * Overall and recurrence-free survival counted per group, endpoint and time. Time zero is the
   * operation; a death is the first DIED visit; a recurrence the first RECURRENCE or METASTASIS
   * visit; a case without the event is censored at its last visit.
   */
  private Survival survival(Scope scope, SurvivalSplit split) {
    Map<String, List<SurvivalTime>> overall = new TreeMap<>();
    Map<String, List<SurvivalTime>> recurrenceFree = new TreeMap<>();
    Map<String, Integer> without = new TreeMap<>();
    jdbc.query(
        "with c as (select c.id, o.operation_date, " + split.sql() + " as grp"
            + " from surgical_case c join hospital_site h on h.id = c.site_id"
            + " left join case_operation o on o.case_id = c.id"
            + " left join case_neoadjuvant n on n.case_id = c.id where" + scope.where() + "),"
            + " v as (select f.case_id, f.followup_status as status, " + VISIT_DAYS + " as t"
            + " from case_followup f join c on c.id = f.case_id),"
            + " per_case as (select c.id, c.grp,"
            + " min(v.t) filter (where v.status = 'DIED') as death,"
            + " min(v.t) filter (where v.status in ('DIED', 'RECURRENCE', 'METASTASIS')) as relapse,"
            + " max(v.t) as last_seen"
            + " from c join v on v.case_id = c.id and v.t >= 0 group by c.id, c.grp)"
            + " select grp, 'OS' as endpoint, coalesce(death, last_seen) as t,"
            + " count(*) filter (where death is not null) as events,"
            + " count(*) filter (where death is null) as censored"
            + " from per_case group by 1, 2, 3"
            + " union all select grp, 'RFS', coalesce(relapse, last_seen),"
            + " count(*) filter (where relapse is not null), count(*) filter (where relapse is null)"
            + " from per_case group by 1, 2, 3"
            + " union all select c.grp, 'NONE', null, 0, count(*) from c"
            + " where not exists (select 1 from per_case p where p.id = c.id) group by c.grp",
        scope.params(),
        rs -> {
          String group = rs.getString("grp");
          String endpoint = rs.getString("endpoint");
          if (endpoint.equals("NONE")) {
            without.put(group, rs.getInt("censored"));
            return;
          }
          SurvivalTime time =
              new SurvivalTime(rs.getDouble("t"), rs.getInt("events"), rs.getInt("censored"));
          (endpoint.equals("OS") ? overall : recurrenceFree)
              .computeIfAbsent(group, g -> new ArrayList<>())
              .add(time);
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
    return new Survival(split, result);
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
