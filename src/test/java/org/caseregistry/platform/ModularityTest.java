package org.caseregistry.platform;

import org.caseregistry.CaseRegistryApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Feature packages depend on each other only through what they expose, and never in a cycle. */
class ModularityTest {

  private final ApplicationModules modules = ApplicationModules.of(CaseRegistryApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesTheModuleDiagrams() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
