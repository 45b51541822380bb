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
 * The {@code cases} module started alone against the run's PostgreSQL, with the modules whose beans
 * it calls (series, site; Spring Modulith's {@code ALL_DEPENDENCIES}), {@code platform} (an extra
 * include: {@code cases} uses only its types, but the context needs its database set-up and the
 * audit revision entity) and {@code account} (for the test accounts and sites of the fixtures).
 * None of the modules that use {@code cases} (query, report, dashboard, importing, api, redcap,
 * demo, freeze, backup) is in the context: the module stands on its own, and its saves are checked
 * without starting the whole application. (On the loaded 2-core machine, 2026-12-01: 78 s for this
 * context against 99 s for the full one as the first context of a run, 17 s against 23 s once the
 * schema is migrated.)
 */
@ApplicationModuleTest(
    mode = BootstrapMode.ALL_DEPENDENCIES,
    extraIncludes = {"platform", "account"})
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
