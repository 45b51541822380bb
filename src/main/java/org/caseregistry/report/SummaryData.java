package org.caseregistry.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a summary table, computed once (by the database) and not yet laid out: the groups
 * with their N, and for every variable and every group (and overall) the statistics and how many
 * values are unknown, not applicable or not entered.
 *
 * @param grouping the grouping variable, or null for the overall column alone
 * @param groups the groups in column order (code null: grouping value not recorded)
 */
record SummaryData(
    String grouping, List<Group> groups, long total, List<VariableResult> variables) {

  /** The key of the overall column. */
  static final String OVERALL = "\u0001overall";

  /** The key of the group of cases whose grouping value is not recorded. */
  static final String NOT_RECORDED = "\u0001none";

  record Group(String code, long n) {
    String key() {
      return code == null ? NOT_RECORDED : code;
    }
  }

  record VariableResult(SummaryVariable variable, Map<String, Counts> byGroup) {

    Counts in(String groupKey) {
      return byGroup.getOrDefault(groupKey, Counts.NONE);
    }
  }

  /**
   * One variable in one column. For a continuous variable {@code statistics}; for a categorical one
   * the count of each known code. Unknown, not applicable and not entered are counted apart and are
   * not part of the denominator.
   */
  record Counts(
      ContinuousStatistics statistics,
      Map<String, Long> codes,
      long unknown,
      long notApplicable,
      long notEntered) {

    static final Counts NONE = new Counts(ContinuousStatistics.EMPTY, Map.of(), 0, 0, 0);

    /** How many cases have a known value: the denominator of the percentages. */
    long known() {
      return statistics != null && statistics.n() > 0
          ? statistics.n()
          : codes.values().stream().mapToLong(Long::longValue).sum();
    }

    long code(String code) {
      return codes.getOrDefault(code, 0L);
    }
  }

  /** Accumulates the categorical counts of one variable in one column. */
  static final class CountsBuilder {
    private final Map<String, Long> codes = new LinkedHashMap<>();
    private long unknown;
    private long notApplicable;
    private long notEntered;

    void add(SummaryVariable variable, String code, String reason, long count) {
      if (code != null) {
        var option = variable.option(code);
        if (option.isPresent() && option.get().isUnknown()) {
          unknown += count;
        } else if (option.isPresent() && option.get().isNotApplicable()) {
          notApplicable += count;
        } else {
          codes.merge(code, count, Long::sum);
        }
      } else if ("UNKNOWN".equals(reason)) {
        unknown += count;
      } else if ("NOT_APPLICABLE".equals(reason)) {
        notApplicable += count;
      } else {
        notEntered += count;
      }
    }

    Counts build() {
      return new Counts(null, Map.copyOf(codes), unknown, notApplicable, notEntered);
    }
  }
}
