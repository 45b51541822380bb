package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The update trigger of the dashboard's kept counts skips a case update that changes none of the
 * columns the counted keys read (V60). Here: every column of {@code surgical_case} that the key
 * functions read is one the trigger compares, so a new key reading a new column cannot be skipped
 * unnoticed; and a change of one such column alone is counted.
 */
@IntegrationTest
class DashboardCountsColumnsIntegrationTest {

  private static final Pattern CASE_COLUMN = Pattern.compile("\\br\\.([a-z_0-9]+)");
  private static final Pattern COMPARED = Pattern.compile("\\bn\\.([a-z_0-9]+)");

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseFixtures fixtures;
  @Autowired TestAccounts testAccounts;

  private Set<String> matches(Pattern pattern, String source) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(source);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private String source(String function) {
    return jdbc.queryForObject(
        "select prosrc from pg_proc where proname = ?", String.class, function);
  }

  @Test
  void everyColumnTheKeysReadIsComparedBeforeAnUpdateIsSkipped() {
    Set<String> caseColumns =
        new TreeSet<>(
            jdbc.queryForList(
                "select column_name from information_schema.columns"
                    + " where table_name = 'surgical_case'",
                String.class));
    Set<String> read = new TreeSet<>();
    for (String function :
        new String[] {
          "case_dashboard_values", "case_dashboard_windows", "case_dashboard_split_values"
        }) {
      read.addAll(matches(CASE_COLUMN, source(function)));
    }
    read.retainAll(caseColumns);
    read.addAll(Set.of("series_id", "site_id", "status"));

    assertThat(read).contains("followup_month1_status", "complication_keys", "created_at");
    assertThat(matches(COMPARED, source("case_dashboard_count_case")))
        .as("columns the update trigger compares")
        .containsAll(read);
  }

  @Test
  void oneReadColumnChangedAloneIsCounted() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    long caseId = fixtures.newCase(series, site);

    jdbc.update("update surgical_case set updated_at = updated_at where id = ?", caseId);
    DashboardCountsIntegrationTest.assertKeptAsRecounted(jdbc);
    jdbc.update("update surgical_case set followup_month1_status = 'WELL' where id = ?", caseId);
    DashboardCountsIntegrationTest.assertKeptAsRecounted(jdbc);
    assertThat(
            jdbc.queryForObject(
                "select n from case_dashboard_count where series_id = ? and site_id = ? and key ="
                    + " 'window_1' and value = 'WELL'",
                Long.class,
                series.getId(),
                site.getId()))
        .isEqualTo(1);
  }
}
