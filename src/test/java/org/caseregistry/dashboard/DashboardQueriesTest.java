package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.caseregistry.dashboard.DashboardData.Part;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's scan of the cases reads what is stored with each case, never the visits or the
 * complication rows (their per-case summaries are derived at every save), and joins only what the
 * chosen split needs.
 */
class DashboardQueriesTest {

  private static final DashboardQueries.Scope SCOPE =
      new DashboardQueries.Scope(1, null, Set.of(2L));

  @Test
  void theCaseScanNeverReadsVisitsOrComplicationRows() {
    for (SurvivalSplit split : SurvivalSplit.values()) {
      String sql = CaseTallyQuery.sql(SCOPE, EnumSet.allOf(Part.class), split);
      assertThat(sql).as(split.name()).doesNotContain("case_followup", "case_complication");
      assertThat(sql).as(split.name()).containsOnlyOnce("from case_view c");
    }
  }

  @Test
  void joinsOnlyWhatTheSplitAndPartsNeed() {
    String survivalOnly = CaseTallyQuery.sql(SCOPE, EnumSet.of(Part.SURVIVAL), SurvivalSplit.NONE);
    assertThat(survivalOnly).doesNotContain(" join ");
    assertThat(
            CaseTallyQuery.sql(SCOPE, EnumSet.of(Part.SURVIVAL), SurvivalSplit.ABDOMINAL_APPROACH))
        .contains("left join case_operation_view o")
        .doesNotContain("hospital_site");
    assertThat(
            CaseTallyQuery.sql(SCOPE, EnumSet.of(Part.SURVIVAL), SurvivalSplit.NEOADJUVANT_THERAPY))
        .contains("left join case_neoadjuvant_view n")
        .doesNotContain("case_operation");
    assertThat(CaseTallyQuery.sql(SCOPE, EnumSet.of(Part.ENROLMENT), SurvivalSplit.NONE))
        .contains("join hospital_site h");
  }

  @Test
  void eachPartAddsItsGroupingSets() {
    String completeness =
        CaseTallyQuery.sql(SCOPE, EnumSet.of(Part.COMPLETENESS), SurvivalSplit.NONE);
    assertThat(completeness).endsWith("group by grouping sets ((k_sections))");
    String all = CaseTallyQuery.sql(SCOPE, EnumSet.allOf(Part.class), SurvivalSplit.SITE);
    assertThat(all)
        .contains(
            "(k_sections)",
            "(k_cci)",
            "(k_length_of_stay)",
            "(k_worst_grade, k_has_complications, k_complications_answered)",
            "(k_site, k_month, k_dated)",
            "(k_window_1)",
            "(k_window_12)",
            "(k_group, k_os_time, k_os_event)",
            "(k_group, k_rfs_time, k_rfs_event)")
        .contains("c.site_id in (:allowed)");
  }
}
