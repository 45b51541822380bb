package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
 * A surgeon imports a file through the real pages: upload (multipart with CSRF), dry run, commit.
 */
class ImportBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;

  @Test
  void aSurgeonChecksAFileFixesItAndImportsIt() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    Account surgeon = testAccounts.account(Role.SURGEON, site);
    Path wrong = Files.createTempFile("import", ".csv");
    Files.writeString(
        wrong,
        "\uFEFFstudy_code;site_code;sex;age_years\r\nB1;"
            + site.getCode()
            + ";Nam;130\r\nB2;"
            + site.getCode()
            + ";Nữ;58\r\n",
        StandardCharsets.UTF_8);
    Path fixed = Files.createTempFile("import", ".csv");
    Files.writeString(
        fixed,
        "\uFEFFstudy_code;site_code;sex;age_years\r\nB1;"
            + site.getCode()
            + ";Nam;61\r\nB2;"
            + site.getCode()
            + ";Nữ;58\r\n",
        StandardCharsets.UTF_8);

    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    open("/series/" + series.getId() + "/cases");
    clickAndWait("series-import");
    assertThat(heading()).isEqualTo("Import cases");

    byId("file").sendKeys(wrong.toString());
    clickAndWait("check");
    assertThat(byId("problems").getText())
        .contains("age_years")
        .contains("130")
        .contains("Must be between 0 and 120.");
    assertThat(exists(By.id("commit-form"))).isFalse();

    open("/series/" + series.getId() + "/import");
    byId("file").sendKeys(fixed.toString());
    clickAndWait("check");
    assertThat(byId("no-problems").getText()).isEqualTo("No problems.");
    assertThat(byId("count-new").getText()).isEqualTo("2");
    clickAndWait("commit");
    assertThat(byId("imported").getText()).contains("2 new cases");
    clickAndWait("to-cases");
    assertThat(byId("cases").getText()).contains("B1").contains("B2");
  }
}
