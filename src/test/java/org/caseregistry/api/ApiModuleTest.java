package org.caseregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.caseregistry.CaseRegistryApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The API is an adapter on top of the features: it uses what they expose, and no feature knows it.
 * (The pure staging module comes with the case's derived values; site with the series; query for
 * the field-query endpoints; form with a series' form as JSON; redcap with the same form as a
 * REDCap data dictionary; importing for import through the API, with the import page's dry run.)
 */
class ApiModuleTest {

  private static final Set<String> ALLOWED =
      Set.of(
          "account",
          "cases",
          "catalog",
          "form",
          "importing",
          "platform",
          "query",
          "redcap",
          "series",
          "site",
          "staging");

  private final ApplicationModules modules = ApplicationModules.of(CaseRegistryApplication.class);

  @Test
  void theApiDependsOnlyOnTheFeaturesItAdapts() {
    ApplicationModule api = modules.getModuleByName("api").orElseThrow();
    assertThat(api.getDependencies(modules).uniqueModules().map(ApplicationModule::getName))
        .isSubsetOf(ALLOWED)
        .contains("cases", "series", "account");
  }

  @Test
  void nothingDependsOnTheApi() {
    ApplicationModule api = modules.getModuleByName("api").orElseThrow();
    modules.stream()
        .filter(module -> !module.equals(api))
        .forEach(
            module ->
                assertThat(module.getDependencies(modules).contains(api))
                    .as("%s depends on api", module.getName())
                    .isFalse());
  }
}
