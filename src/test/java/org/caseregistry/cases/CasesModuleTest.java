package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import org.caseregistry.CaseRegistryApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * What {@code cases} shows the other modules is a small, deliberate list: the types of its base
 * package. Everything in its sub-packages (web, storage, importer, rules, operations) is internal,
 * and {@code ModularityTest} fails a module that reaches into them. Exposing one more type means
 * moving it to the base package and adding it here, on purpose.
 */
class CasesModuleTest {

  private final ApplicationModule cases =
      ApplicationModules.of(CaseRegistryApplication.class).getModuleByName("cases").orElseThrow();

  @Test
  void exposesExactlyItsApi() {
    assertThat(
            cases
                .getNamedInterfaces()
                .getUnnamedInterface()
                .asJavaClasses()
                .filter(type -> type.getEnclosingClass().isEmpty())
                .map(JavaClass::getSimpleName))
        .containsExactlyInAnyOrder(
            // the entry points, one transaction per call
            "CaseService",
            "CustomSectionService",
            "SignOffService",
            "CaseList",
            // who may do what, and who may see identifiers
            "CasePolicy",
            "IdentifierPolicy",
            // a case's data, as read and as derived
            "CaseHeader",
            "CaseData",
            "SectionValues",
            "CustomData",
            "DerivedValues",
            "CaseWarning",
            "CaseSignOff",
            "SignOff",
            // what a caller writes, and what a refused write answers
            "SectionForm",
            "SectionInput",
            "CustomSectionInput",
            "ValueParser",
            "Outcome",
            "FieldProblem",
            "CaseLockedException",
            // the import's request and result
            "CaseImport",
            "CaseImportChunks",
            "CaseImportTotals",
            "CaseImportResult",
            // the summary table's per-value counts, kept as cases change (V56)
            "CaseValueCounts",
            // the dashboard's counts, kept as cases change (V59)
            "CaseDashboardCounts",
            // what a line of a case's history records
            "AuditAction",
            // values in the reader's language
            "CaseDisplay",
            // what another module contributes: reasons that block a case's completion
            "CompletionBlockers");
  }

  @Test
  void hasNoNamedInterfaceBesideItsBasePackage() {
    assertThat(cases.getNamedInterfaces().hasExplicitInterfaces()).isFalse();
  }

  @Test
  void keepsItsImplementationInternal() {
    assertThat(cases.getInternalTypes())
        .extracting(JavaClass::getPackageName)
        .contains(
            "org.caseregistry.cases.web",
            "org.caseregistry.cases.storage",
            "org.caseregistry.cases.importer",
            "org.caseregistry.cases.rules",
            "org.caseregistry.cases.operations");
    cases.getInternalTypes().stream()
        .filter(type -> !type.getPackageName().equals("org.caseregistry.cases"))
        .forEach(type -> assertThat(cases.isExposed(type)).as(type.getName()).isFalse());
  }
}
