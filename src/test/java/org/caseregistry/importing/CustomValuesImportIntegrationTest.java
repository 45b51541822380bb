package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Custom fields in the import format: imported with the same checks, exported back exactly. */
@IntegrationTest
class CustomValuesImportIntegrationTest {

  @Autowired ImportService importService;
  @Autowired ImportFormatFiles formatFiles;
  @Autowired CaseService caseService;
  @Autowired CaseFixtures fixtures;
  @Autowired TestAccounts testAccounts;

  HospitalSite site;
  CaseSeries series;
  CurrentAccount surgeon;

  static final FormDefinition FORM =
      new FormDefinition(
          List.of(Section.PATIENT),
          List.of(
              new SectionDefinition(
                  "ecmo",
                  "ECMO",
                  null,
                  false,
                  false,
                  List.of(
                      FieldDefinition.of("ecmo_hours", FieldType.INTEGER, "Hours", null).toBuilder()
                          .limits("0", "2000")
                          .unknownAllowed(true)
                          .build(),
                      FieldDefinition.of("ecmo_mode", FieldType.SINGLE_CHOICE, "Mode", null)
                          .toBuilder()
                          .choices(
                              List.of(
                                  new Choice("1", "VA", null, false),
                                  new Choice("2", "VV", null, false)))
                          .build(),
                      FieldDefinition.of("ecmo_compl", FieldType.MULTIPLE_CHOICE, "Compl", null)
                          .toBuilder()
                          .choices(
                              List.of(
                                  new Choice("1", "Bleeding", null, false),
                                  new Choice("2", "Limb", null, false),
                                  new Choice("3", "Thrombosis", null, false)))
                          .build(),
                      FieldDefinition.of("bleeding_site", FieldType.TEXT, "Site", null).toBuilder()
                          .showIf("[ecmo_compl(1)] = '1'")
                          .build(),
                      FieldDefinition.of("ecmo_days", FieldType.CALCULATED, "Days", null)
                          .toBuilder()
                          .calculation("round([ecmo_hours] / 24, 1)")
                          .build(),
                      FieldDefinition.of("started", FieldType.DATE, "Started", null)))));

  @BeforeEach
  void setUp() {
    site = testAccounts.site();
    series = fixtures.series(FORM, site);
    surgeon = new CurrentAccount(0, "surgeon", "Surgeon", Role.SURGEON, Set.of(site.getId()));
  }

  private byte[] csv(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private SectionValues ecmo(String studyCode) {
    return caseService.casesOfSeries(series.getId(), CaseFixtures.system()).stream()
        .filter(c -> c.header().studyCode().equals(studyCode))
        .findFirst()
        .orElseThrow()
        .data()
        .custom()
        .single("ecmo");
  }

  @Test
  void customColumnsImportWithTheirChecksBranchingAndCalculations() {
    String code = site.getCode();
    byte[] bad =
        csv(
            "study_code,site_code,ecmo_hours,ecmo_mode,ecmo_compl,bleeding_site,started",
            "E1," + code + ",3000,1,1|2,groin,2024-01-05",
            "E2," + code + ",48,9,,,2024-01-06");
    ImportReport refused = importService.commit(series.getId(), "cases.csv", bad, false, surgeon);
    assertThat(refused.written()).isFalse();
    assertThat(refused.problems())
        .extracting(ImportProblem::column)
        .containsExactlyInAnyOrder("ecmo_hours", "ecmo_mode");
    byte[] good =
        csv(
            "study_code,site_code,ecmo_hours,ecmo_mode,ecmo_compl,bleeding_site,started",
            "E1," + code + ",36,1,1|3,groin,2024-01-05",
            "E2," + code + ",UNKNOWN,2,2,typed but not asked,06/01/2024");
    ImportReport written = importService.commit(series.getId(), "cases.csv", good, false, surgeon);
    assertThat(written.problems()).isEmpty();
    assertThat(written.written()).isTrue();
    SectionValues first = ecmo("E1");
    assertThat(first.values())
        .containsEntry("ecmo_hours", 36)
        .containsEntry("ecmo_compl", List.of("1", "3"))
        .containsEntry("bleeding_site", "groin")
        .containsEntry("ecmo_days", new BigDecimal("1.5"));
    SectionValues second = ecmo("E2");
    assertThat(second.missing())
        .containsEntry("ecmo_hours", MissingReason.UNKNOWN)
        .containsEntry("bleeding_site", MissingReason.NOT_APPLICABLE);
    assertThat(second.values().get("bleeding_site")).isNull();
  }

  @Test
  void theExportInImportFormatReimportsWithoutAChange() {
    long caseId = fixtures.newCase(series, site);
    fixtures.saveCustom(
        caseId,
        "ecmo",
        Map.of(
            "ecmo_hours", "72",
            "ecmo_mode", "2",
            "ecmo_compl", "1,2",
            "bleeding_site", "'=cannula site",
            "started", "2024-02-01"));
    CurrentAccount admin = new CurrentAccount(0, "admin", "Admin", Role.ADMIN, Set.of());
    for (ImportFormatFiles.Format format : ImportFormatFiles.Format.values()) {
      byte[] exported = formatFiles.export(series.getId(), format, admin);
      ImportReport again =
          importService.check(
              series.getId(),
              format == ImportFormatFiles.Format.XLSX ? "cases.xlsx" : "cases.zip",
              exported,
              true,
              admin);
      assertThat(again.problems()).as(format.name()).isEmpty();
      assertThat(again.updatedCases()).as(format.name()).isZero();
      assertThat(again.unchangedCases()).as(format.name()).isEqualTo(1);
    }
  }
}
