package org.caseregistry.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Summary tables aggregated in the database, with two statements whatever the number of cases or
 * variables: one for the group sizes and every continuous variable (count, mean, SD, quartiles with
 * {@code percentile_cont}, range, missing by reason), one for the counts of every code of every
 * categorical variable. GROUPING SETS give each group and the overall column in the same pass.
 */
@Repository
class SummaryQuery {

  private final NamedParameterJdbcTemplate jdbc;

  SummaryQuery(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param grouping a categorical {@link SummaryVariable} name, {@link SummaryVariable#SITE},
   *     {@link SummaryVariable#OPERATION_YEAR}, or null for the overall column alone
   */
  @Transactional(readOnly = true)
  SummaryData run(ReportFilter filter, List<SummaryVariable> variables, String grouping) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String base = base(filter, variables, grouping, params);
    List<SummaryVariable> continuous =
        variables.stream().filter(SummaryVariable::continuous).toList();
    List<SummaryVariable> categorical =
        variables.stream().filter(variable -> !variable.continuous()).toList();

    // 1. Group sizes and the continuous variables.
    StringBuilder sql =
        new StringBuilder(base).append(" select grp, grouping(grp) as overall, count(*) as n");
    for (SummaryVariable variable : continuous) {
      int k = variables.indexOf(variable);
      String v = "v" + k;
      String r = "r" + k;
      sql.append(", count(")
          .append(v)
          .append(") as n")
          .append(k)
          .append(", avg(")
          .append(v)
          .append(") as mean")
          .append(k)
          .append(", stddev_samp(")
          .append(v)
          .append(") as sd")
          .append(k)
          .append(percentile("0.5", v, "median" + k))
          .append(percentile("0.25", v, "q1" + k))
          .append(percentile("0.75", v, "q3" + k))
          .append(", min(")
          .append(v)
          .append(") as min")
          .append(k)
          .append(", max(")
          .append(v)
          .append(") as max")
          .append(k)
          .append(", count(*) filter (where ")
          .append(v)
          .append(" is null and ")
          .append(r)
          .append(" = 'UNKNOWN') as unknown")
          .append(k)
          .append(", count(*) filter (where ")
          .append(v)
          .append(" is null and ")
          .append(r)
          .append(" = 'NOT_APPLICABLE') as na")
          .append(k)
          .append(", count(*) filter (where ")
          .append(v)
          .append(" is null and (")
          .append(r)
          .append(" is null or ")
          .append(r)
          .append(" not in ('UNKNOWN', 'NOT_APPLICABLE'))) as ne")
          .append(k);
    }
    sql.append(" from base group by grouping sets ((grp), ())");

    List<SummaryData.Group> groups = new ArrayList<>();
    long[] total = {0};
    Map<SummaryVariable, Map<String, SummaryData.Counts>> results = new LinkedHashMap<>();
    variables.forEach(variable -> results.put(variable, new HashMap<>()));
    jdbc.query(
        sql.toString(),
        params,
        rs -> {
          String key = key(rs);
          long n = rs.getLong("n");
          if (SummaryData.OVERALL.equals(key)) {
            total[0] = n;
          } else {
            groups.add(new SummaryData.Group(rs.getString("grp"), n));
          }
          for (SummaryVariable variable : continuous) {
            int k = variables.indexOf(variable);
            results.get(variable).put(key, continuousCounts(rs, k));
          }
        });

    // 2. The categorical variables: one count per group, code and reason.
    if (!categorical.isEmpty()) {
      StringBuilder counts = new StringBuilder(base);
      String union = " ";
      for (SummaryVariable variable : categorical) {
        int k = variables.indexOf(variable);
        counts
            .append(union)
            .append("select ")
            .append(k)
            .append(" as variable, grp, grouping(grp) as overall,")
            .append(" cast(v")
            .append(k)
            .append(" as text) as code, r")
            .append(k)
            .append(" as reason, count(*) as n from base group by grouping sets ((grp, v")
            .append(k)
            .append(", r")
            .append(k)
            .append("), (v")
            .append(k)
            .append(", r")
            .append(k)
            .append("))");
        union = " union all ";
      }
      Map<SummaryVariable, Map<String, SummaryData.CountsBuilder>> builders = new HashMap<>();
      jdbc.query(
          counts.toString(),
          params,
          rs -> {
            SummaryVariable variable = variables.get(rs.getInt("variable"));
            builders
                .computeIfAbsent(variable, v -> new HashMap<>())
                .computeIfAbsent(key(rs), g -> new SummaryData.CountsBuilder())
                .add(variable, rs.getString("code"), rs.getString("reason"), rs.getLong("n"));
          });
      builders.forEach(
          (variable, byGroup) ->
              byGroup.forEach(
                  (group, builder) -> results.get(variable).put(group, builder.build())));
    }

    groups.sort(groupOrder(grouping));
    List<SummaryData.VariableResult> variableResults = new ArrayList<>();
    results.forEach(
        (variable, byGroup) ->
            variableResults.add(new SummaryData.VariableResult(variable, byGroup)));
    return new SummaryData(
        grouping, grouping == null ? List.of() : groups, total[0], variableResults);
  }

  /** The filtered cases with the grouping value and each variable and its missing reason. */
  private static String base(
      ReportFilter filter,
      List<SummaryVariable> variables,
      String grouping,
      MapSqlParameterSource params) {
    StringBuilder base =
        new StringBuilder("with base as (select ")
            .append(groupExpression(grouping))
            .append(" as grp");
    for (int k = 0; k < variables.size(); k++) {
      SummaryVariable variable = variables.get(k);
      base.append(", ")
          .append(variable.expression())
          .append(" as v")
          .append(k)
          .append(", cast(")
          .append(variable.reasonExpression())
          .append(" as text) as r")
          .append(k);
    }
    return base.append(ReportFilter.FROM).append(filter.where(params)).append(")").toString();
  }

  static String groupExpression(String grouping) {
    if (grouping == null) {
      return "cast(null as text)";
    }
    if (SummaryVariable.SITE.equals(grouping)) {
      return "h.code";
    }
    if (SummaryVariable.OPERATION_YEAR.equals(grouping)) {
      return "cast(cast(extract(year from "
          + ReportFilter.OPERATION_DATE
          + ") as integer) as text)";
    }
    SummaryVariable variable =
        SummaryVariable.find(grouping)
            .filter(found -> !found.continuous())
            .orElseThrow(() -> new IllegalArgumentException("Cannot group by " + grouping));
    return "cast(" + variable.expression() + " as text)";
  }

  private static String percentile(String p, String v, String alias) {
    // percentile_cont works in double precision; rounding to 10 decimals removes its binary noise.
    return ", round(cast(percentile_cont("
        + p
        + ") within group (order by "
        + v
        + ") as numeric), 10) as "
        + alias;
  }

  private static String key(ResultSet rs) throws SQLException {
    if (rs.getInt("overall") == 1) {
      return SummaryData.OVERALL;
    }
    String group = rs.getString("grp");
    return group == null ? SummaryData.NOT_RECORDED : group;
  }

  private static SummaryData.Counts continuousCounts(ResultSet rs, int k) throws SQLException {
    ContinuousStatistics statistics =
        new ContinuousStatistics(
            rs.getLong("n" + k),
            decimal(rs, "mean" + k),
            decimal(rs, "sd" + k),
            decimal(rs, "median" + k),
            decimal(rs, "q1" + k),
            decimal(rs, "q3" + k),
            decimal(rs, "min" + k),
            decimal(rs, "max" + k));
    return new SummaryData.Counts(
        statistics,
        Map.of(),
        rs.getLong("unknown" + k),
        rs.getLong("na" + k),
        rs.getLong("ne" + k));
  }

  private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
    return rs.getBigDecimal(column);
  }

  /** Sites and codes in their order, years ascending, "not recorded" last. */
  private static Comparator<SummaryData.Group> groupOrder(String grouping) {
    Comparator<String> codes;
    if (grouping == null || SummaryVariable.SITE.equals(grouping)) {
      codes = Comparator.naturalOrder();
    } else if (SummaryVariable.OPERATION_YEAR.equals(grouping)) {
      codes = Comparator.comparing(Integer::valueOf);
    } else {
      SummaryVariable variable = SummaryVariable.find(grouping).orElseThrow();
      List<String> order = variable.options().stream().map(o -> o.code()).toList();
      codes =
          Comparator.comparing(
              code -> order.indexOf(code) < 0 ? order.size() : order.indexOf(code));
    }
    return Comparator.comparing(SummaryData.Group::code, Comparator.nullsLast(codes));
  }
}
