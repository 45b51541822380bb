package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.catalog.CaseCodes.FollowUpStatus;
import org.caseregistry.catalog.Section;
import org.caseregistry.complication.ClavienDindoGrade;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.complication.EccgSeverityType;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The V21 migration fills the follow-up summary and complication tally of the cases that existed
 * before it with the same values the application derives in Java at every save: cases with every
 * ECCG item, grades, leak types, visits by date and by month, deaths, ties and visits before the
 * operation are saved through the service, then the migration's updates are run again on cleared
 * columns (in a transaction rolled back) and must give back what was stored.
 */
@IntegrationTest
class DerivedSummaryMigrationIntegrationTest {

  private static final String MIGRATION = "db/migration/V21__followup_and_complication_summary.sql";

  private static final String COLUMNS =
      "followup_start_date, followup_death_days, followup_relapse_days, followup_last_days,"
          + " followup_month1_status, followup_month3_status, followup_month6_status,"
          + " followup_month12_status, complication_keys, complication_key_counts";

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void theMigrationDerivesWhatTheApplicationDerives() throws IOException {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    Random random = new Random(21);
    List<EccgComplication> items = Arrays.asList(EccgComplication.values());
    String[] statuses =
        Arrays.stream(FollowUpStatus.values()).map(Enum::name).toArray(String[]::new);
    for (int i = 0; i < 16; i++) {
      long caseId = fixtures.newCase(series, site);
      boolean dated = i % 4 != 3;
      if (dated) {
        fixtures.save(
            caseId,
            Section.OPERATION,
            Map.of("operation_date", "2021-0" + (1 + i % 9) + "-1" + (i % 10)));
      }
      for (int c = 0; c < 1 + i % 4; c++) {
        EccgComplication item = items.get((i * 4 + c) % items.size());
        Map<String, String> complication = new HashMap<>();
        if (c != 3) {
          complication.put("complication_type", item.name());
        }
        if (c != 2) {
          complication.put(
              "clavien_dindo",
              ClavienDindoGrade.values()[random.nextInt(ClavienDindoGrade.values().length)].name());
        }
        if (item.hasSeverityType() && c != 3 && random.nextBoolean()) {
          complication.put(
              "eccg_severity",
              EccgSeverityType.values()[random.nextInt(EccgSeverityType.values().length)].name());
        }
        fixtures.addItem(caseId, Section.COMPLICATIONS, complication);
      }
      for (int v = 0; v < i % 6; v++) {
        Map<String, String> visit = new HashMap<>();
        int month = List.of(0, 1, 2, 3, 6, 9, 12, 18).get(random.nextInt(8));
        visit.put("visit_month", String.valueOf(month));
        if (dated && random.nextBoolean()) {
          // a visit by date: sometimes before the operation, sometimes the same day as another
          visit.put("visit_date", "2022-0" + (1 + random.nextInt(9)) + "-1" + (i % 10));
        }
        if (v != 4) {
          visit.put("followup_status", statuses[random.nextInt(statuses.length)]);
        }
        fixtures.addItem(caseId, Section.FOLLOWUP, visit);
      }
    }
    long leak = fixtures.newCase(series, site);
    fixtures.save(leak, Section.OPERATION, Map.of("operation_date", "2021-06-01"));
    fixtures.addItem(
        leak,
        Section.COMPLICATIONS,
        Map.of(
            "complication_type",
            "ANASTOMOTIC_LEAK",
            "clavien_dindo",
            "IIIB",
            "eccg_severity",
            "TYPE_II"));
    fixtures.addItem(leak, Section.COMPLICATIONS, Map.of("complication_type", "ANASTOMOTIC_LEAK"));
    fixtures.addItem(
        leak, Section.FOLLOWUP, Map.of("visit_date", "2021-07-01", "followup_status", "WELL"));
    fixtures.addItem(
        leak, Section.FOLLOWUP, Map.of("visit_date", "2021-07-01", "followup_status", "REFLUX"));
    fixtures.addItem(leak, Section.FOLLOWUP, Map.of("visit_month", "5", "followup_status", "DIED"));
    Map<Long, List<Object>> derivedInJava = snapshot();
    List<String> updates = updates();

    Map<Long, List<Object>> derivedByMigration =
        transactions.execute(
            status -> {
              status.setRollbackOnly();
              jdbc.update(
                  "update surgical_case set followup_start_date = null,"
                      + " followup_death_days = null, followup_relapse_days = null,"
                      + " followup_last_days = null, followup_month1_status = null,"
                      + " followup_month3_status = null, followup_month6_status = null,"
                      + " followup_month12_status = null, complication_keys = '{}',"
                      + " complication_key_counts = '{}'");
              for (String statement : updates) {
                jdbc.update(statement);
              }
              return snapshot();
            });

    assertThat(derivedInJava).hasSizeGreaterThanOrEqualTo(16);
    assertThat(derivedByMigration).isEqualTo(derivedInJava);
    assertThat(derivedInJava.values())
        .as("the cases cover deaths, windows and leaks")
        .anySatisfy(row -> assertThat(row.get(1)).isNotNull())
        .anySatisfy(row -> assertThat(row.get(7)).isNotNull())
        .anySatisfy(row -> assertThat(row.get(8).toString()).contains("LEAK:"));
  }

  /** The derived summary columns of every case, arrays as text. */
  private Map<Long, List<Object>> snapshot() {
    Map<Long, List<Object>> rows = new HashMap<>();
    jdbc.query(
        "select id, " + COLUMNS + " from surgical_case",
        rs -> {
          List<Object> row = new java.util.ArrayList<>();
          for (int column = 2; column <= 11; column++) {
            Object value = rs.getObject(column);
            row.add(
                value instanceof java.sql.Array array
                    ? Arrays.toString((Object[]) array.getArray())
                    : value);
          }
          rows.put(rs.getLong("id"), row);
        });
    return rows;
  }

  /** The migration's data statements (everything but its alter table). */
  private static List<String> updates() throws IOException {
    String script =
        new ClassPathResource(MIGRATION)
            .getContentAsString(StandardCharsets.UTF_8)
            .replaceAll("(?m)^\\s*--.*$", "");
    return Arrays.stream(script.split(";"))
        .map(String::strip)
        .filter(statement -> !statement.isEmpty() && !statement.startsWith("alter table"))
        .toList();
  }
}
