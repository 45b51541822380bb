package org.caseregistry.dashboard;

import java.util.Map;
import java.util.TreeMap;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.complication.TallyKind;
import org.caseregistry.dashboard.DashboardData.Complications;
import org.caseregistry.dashboard.DashboardData.Counts;
import org.caseregistry.dashboard.DashboardQueries.Scope;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The reference the kept counts of the complications are checked against
 * (DashboardCountsIntegrationTest): the statement the dashboard ran until it read kept counts.
 */
final class ComplicationQuery {

  private ComplicationQuery() {}

  /**
   * Complications of the cases in scope, from the tally stored with each case (see
   * DerivedValues#complicationTally): per key, how many complications and how many patients, and
   * the same among the cases with the postoperative section answered (the leak rate counts only
   * those). Patients by worst grade and the leak denominator come from the scan of the cases
   * ({@link CaseTally}).
   */
  static Complications count(
      NamedParameterJdbcTemplate jdbc, Scope scope, Map<String, Integer> worst, int postop) {
    Map<String, Counts> byGrade = new TreeMap<>();
    Map<String, Counts> byCategory = new TreeMap<>();
    Map<String, Counts> byItem = new TreeMap<>();
    Map<String, Integer> leaks = new TreeMap<>();
    int[] leakPatients = {0};
    String leakItem = TallyKind.ITEM.key(EccgComplication.ANASTOMOTIC_LEAK.name());
    jdbc.query(
        "select t.key, sum(t.n) as n, count(*) as patients, coalesce(sum(t.n) filter (where"
            + CaseTallyQuery.POSTOP_ANSWERED
            + "), 0) as n_postop, count(*) filter (where "
            + CaseTallyQuery.POSTOP_ANSWERED
            + ") as patients_postop from case_view c cross join"
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
