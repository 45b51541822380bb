package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.TestDatabaseConfiguration;
import org.caseregistry.testing.TestProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@code cases} module started alone with the modules it depends on (series, site, account,
 * form, catalog, staging, followup, complication, platform) against the run's PostgreSQL: none of
 * the modules that use it (query, report, dashboard, importing, api, redcap, demo, freeze, backup)
 * is in the context, so this shows that the module stands on its own and gives feedback on its
 * saves without starting the whole application.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@TestPropertySource(properties = TestProperties.DATABASE)
@Import(TestDatabaseConfiguration.class)
class CasesModuleIntegrationTest {

  @Autowired ApplicationContext context;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired CaseService cases;
  @Autowired JdbcTemplate jdbc;

  @Test
  void startsWithoutTheModulesThatUseIt() {
    assertThat(
            Arrays.stream(context.getBeanDefinitionNames())
                .map(context::getType)
                .filter(Objects::nonNull)
                .map(Class::getPackageName))
        .contains("org.caseregistry.cases", "org.caseregistry.cases.storage")
        .noneMatch(
            name ->
                name.matches(
                    "org\\.caseregistry\\.(query|report|dashboard|importing|api|redcap|demo"
                        + "|freeze|backup)(\\..*)?"));
  }

  @Test
  void aSaveRecomputesAndStoresTheDerivedValues() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    long caseId = fixtures.newCase(series, site);

    fixtures.save(caseId, Section.PATIENT, Map.of("height_cm", "160", "weight_kg", "47.4"));

    assertThat(cases.view(caseId, CaseFixtures.system()).derived().bmi())
        .isEqualByComparingTo("18.52");
    assertThat(
            jdbc.queryForObject(
                "select bmi from surgical_case where id = ?", BigDecimal.class, caseId))
        .isEqualByComparingTo("18.52");
  }
}
