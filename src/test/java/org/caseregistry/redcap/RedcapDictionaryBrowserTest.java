package org.caseregistry.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coordinator brings a REDCap project's form over through the pages: uploads the dictionary,
 * reads the rows it cannot take as they are, applies it; a surgeon then opens a new case with the
 * resulting form.
 */
class RedcapDictionaryBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;

  @Test
  void aCoordinatorUploadsReadsTheDryRunAppliesAndASurgeonEntersACaseWithTheForm()
      throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    Account coordinator = testAccounts.account(Role.COORDINATOR, site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    Path dictionary = Files.createTempFile("redcap", ".csv");
    Files.write(dictionary, DictionaryReaderTest.resource("ecmo-dictionary.csv"));

    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
    open("/series/" + series.getId() + "/cases");
    clickAndWait("series-redcap");
    assertThat(heading()).isEqualTo("REDCap");
    byId("dictionary-file").sendKeys(dictionary.toString());
    clickAndWait("check-dictionary");

    assertThat(heading()).startsWith("Dry run of");
    String rows = byId("dictionary-problems").getText();
    assertThat(rows)
        .contains("12 consent_form Left out The field type \"file\" is not supported.")
        .contains("22 pain_score Left out The field type \"slider\" is not supported.")
        .contains("@HIDDEN-SURVEY @READONLY")
        .contains("log");
    assertThat(byId("sections").getText()).contains("Demographics").contains("Ecmo");
    clickAndWait("apply");
    assertThat(byId("applied").getText()).contains("is now the series' form (version 1)");
    signOut();

    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    open("/series/" + series.getId() + "/cases");
    clickAndWait("new-case");
    type("studyCode", "E01");
    select("siteId", String.valueOf(site.getId()));
    clickAndWait("save");
    assertThat(byId("study-code").getText()).isEqualTo("E01");
    assertThat(exists(By.id("custom-shock_event"))).isTrue();
    assertThat(exists(By.id("edit-patient"))).isFalse();
    clickAndWait("edit-custom-demographics");
    assertThat(exists(By.id("f-vasopressors-0"))).isFalse();
    type("f-age", "62");
    type("f-weight", "64.5");
    type("f-height", "165");
    clickAndWait("save");
    assertThat(byId("custom-demographics").getText()).contains("62").contains("23.7");
  }
}
