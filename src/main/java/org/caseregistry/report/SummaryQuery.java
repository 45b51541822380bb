package org.caseregistry.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.caseregistry.platform.ReportingDatabase;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Summary tables aggregated in the database, with two statements whatever the number of cases or
 * variables: one for the group sizes, one that counts every variable per group, value (or code) and
 * missing reason. The statistics of continuous variables (count, mean, SD, type-7 quartiles, range)
 * are computed from those per-value counts ({@link ValueCounts}), which costs a hash aggregate
 * instead of sorting every variable within every group as {@code percentile_cont} does. GROUPING
 * SETS give each group and the overall column in the same pass.
 */
@Repository
class SummaryQuery {

  private final ReportingDatabase reporting;
  private final NamedParameterJdbcTemplate jdbc;

  SummaryQuery(ReportingDatabase reporting) {
    this.reporting = reporting;
    this.jdbc = reporting.jdbc();
  }

  /**
   * @param grouping a categorical {@link SummaryVariable} name, {@link SummaryVariable#SITE},
   *     {@link SummaryVariable#OPERATION_YEAR}, or null for the overall column alone
   */
  SummaryData run(ReportFilter filter, List<SummaryVariable> variables, String grouping) {
    return run(filter, variables, grouping, SummaryVariable.find(grouping).orElse(null));
  }

  /**
   * @param groupVariable the categorical variable named by {@code grouping}, null for site, year or
   *     none
   */
  SummaryData run(
      ReportFilter filter,
      List<SummaryVariable> variables,
      String grouping,
      SummaryVariable groupVariable) {
    return reporting.read(() -> runInSnapshot(filter, variables, grouping, groupVariable));
  }

  private SummaryData runInSnapshot(
      ReportFilter filter,
      List<SummaryVariable> variables,
      String grouping,
      SummaryVariable groupVariable) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String base = base(filter, variables, grouping, groupVariable, params);

    // 1. Group sizes.
    String sizes =
        base
            + " select grp, grouping(grp) as overall, count(*) as n from base"
            + " group by grouping sets ((grp), ())";
    List<SummaryData.Group> groups = new ArrayList<>();
    long[] total = {0};
    jdbc.query(
        sizes,
        params,
        rs -> {
          long n = rs.getLong("n");
          if (SummaryData.OVERALL.equals(key(rs))) {
            total[0] = n;
          } else {
            groups.add(new SummaryData.Group(rs.getString("grp"), n));
          }
        });

    // 2. Every variable: one count per group, value (or code) and reason. Continuous variables are
    // counted per distinct value, and their statistics, quartiles included, computed from those
    // counts: a hash aggregate instead of sorting every variable within every group.
    Map<SummaryVariable, Map<String, SummaryData.Builder>> builders = new HashMap<>();
    if (!variables.isEmpty()) {
      StringBuilder counts = new StringBuilder(base);
      String union = " ";
      for (SummaryVariable variable : variables) {
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
      jdbc.query(
          counts.toString(),
          params,
          rs -> {
            SummaryVariable variable = variables.get(rs.getInt("variable"));
            builders
                .computeIfAbsent(variable, v -> new HashMap<>())
                .computeIfAbsent(key(rs), g -> SummaryData.Builder.of(variable))
                .add(rs.getString("code"), rs.getString("reason"), rs.getLong("n"));
          });
    }
    groups.sort(groupOrder(grouping, groupVariable));
    return SummaryData.of(grouping, groups, total[0], variables, builders);
  }

  /** The filtered cases with the grouping value and each variable and its missing reason. */
  private static String base(
      ReportFilter filter,
      List<SummaryVariable> variables,
      String grouping,
      SummaryVariable groupVariable,
      MapSqlParameterSource params) {
    StringBuilder base =
        new StringBuilder("with base as (select ")
            .append(groupExpression(grouping, groupVariable))
            .append(" as grp");
    Set<String> joins = new LinkedHashSet<>();
    if (groupVariable != null && groupVariable.join() != null) {
      joins.add(groupVariable.join());
    }
    variables.stream().map(SummaryVariable::join).filter(Objects::nonNull).forEach(joins::add);
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
    base.append(ReportFilter.FROM);
    joins.forEach(base::append);
    return base.append(filter.where(params)).append(")").toString();
  }

  static String groupExpression(String grouping) {
    return groupExpression(grouping, SummaryVariable.find(grouping).orElse(null));
  }

  static String groupExpression(String grouping, SummaryVariable groupVariable) {
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
    if (groupVariable == null || groupVariable.continuous()) {
      throw new IllegalArgumentException("Cannot group by " + grouping);
    }
    return "cast(" + groupVariable.expression() + " as text)";
  }

  private static String key(ResultSet rs) throws SQLException {
    if (rs.getInt("overall") == 1) {
      return SummaryData.OVERALL;
    }
    String group = rs.getString("grp");
    return group == null ? SummaryData.NOT_RECORDED : group;
  }

  /** Sites and codes in their order, years ascending, "not recorded" last. */
  static Comparator<SummaryData.Group> groupOrder(String grouping, SummaryVariable groupVariable) {
    Comparator<String> codes;
    if (grouping == null || SummaryVariable.SITE.equals(grouping)) {
      codes = Comparator.naturalOrder();
    } else if (SummaryVariable.OPERATION_YEAR.equals(grouping)) {
      codes = Comparator.comparing(Integer::valueOf);
    } else {
      List<String> order = groupVariable.options().stream().map(o -> o.code()).toList();
      codes =
          Comparator.comparing(
              code -> order.indexOf(code) < 0 ? order.size() : order.indexOf(code));
    }
    return Comparator.comparing(SummaryData.Group::code, Comparator.nullsLast(codes));
  }
}
