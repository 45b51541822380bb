package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.catalog.Section;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people save the same section (and the same list item) at two computers: the later one sees,
 * field by field, what it was before, what the other saved and what they typed, chooses per field,
 * and one further save ends the conflict with both people's work kept as chosen.
 */
class ConflictResolutionBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures caseFixtures;

  @Test
  void aConflictOnASectionIsResolvedFieldByFieldInOneFurtherSave() {
    HospitalSite site = testAccounts.site();
    long caseId = caseFixtures.newCase(caseFixtures.series(site), site);
    caseFixtures.save(
        caseId,
        Section.POSTOP,
        Map.of("chest_drain_removal_pod", "4", "ng_tube_removal_pod", "8", "oral_intake_pod", "8"));
    String form = "/cases/" + caseId + "/sections/postop";
    signIn(testAccounts.account(Role.SURGEON, site).getUsername(), TestAccounts.PASSWORD);
    open(form);
    WebDriver other = newBrowser();
    Account coordinator = testAccounts.account(Role.COORDINATOR, site);
    inBrowser(
        other,
        () -> {
          signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
          open(form);
        });

    type("f-oral_intake_pod", "9");
    type("f-chest_drain_removal_pod", "5");
    clickAndWait("save");

    inBrowser(
        other,
        () -> {
          type("f-oral_intake_pod", "10");
          type("f-ng_tube_removal_pod", "7");
          clickAndWait("save");
          assertThat(byId("global-errors").getText()).contains("Someone else saved this record");
          assertThat(driver().findElements(By.cssSelector("#conflicts tbody tr"))).hasSize(3);
          assertThat(row("oral_intake_pod")).containsExactly("8", "9", "10");
          assertThat(row("chest_drain_removal_pod")).containsExactly("4", "5", "4");
          assertThat(row("ng_tube_removal_pod")).containsExactly("8", "8", "7");
          // Offered first: theirs where this form left the field as it was, else mine.
          assertThat(byId("take-theirs-chest_drain_removal_pod").isSelected()).isTrue();
          assertThat(byId("keep-mine-oral_intake_pod").isSelected()).isTrue();
          assertThat(byId("keep-mine-ng_tube_removal_pod").isSelected()).isTrue();
          byId("take-theirs-oral_intake_pod").click();
          clickAndWait("save");
          assertThat(driver().getCurrentUrl()).endsWith("/cases/" + caseId + "#postop");
          assertThat(byId("value-oral_intake_pod").getText()).isEqualTo("9");
          assertThat(byId("value-chest_drain_removal_pod").getText()).isEqualTo("5");
          assertThat(byId("value-ng_tube_removal_pod").getText()).isEqualTo("7");
        });
  }

  @Test
  void aConflictOnAListItemIsResolvedFieldByFieldInOneFurtherSave() {
    HospitalSite site = testAccounts.site();
    long caseId = caseFixtures.newCase(caseFixtures.series(site), site);
    long itemId =
        caseFixtures.addItem(
            caseId,
            Section.NODES,
            Map.of("node_field", "THORACIC", "nodes_positive", "0", "nodes_examined", "5"));
    String form = "/cases/" + caseId + "/sections/nodes/items/" + itemId;
    signIn(testAccounts.account(Role.SURGEON, site).getUsername(), TestAccounts.PASSWORD);
    open(form);
    WebDriver other = newBrowser();
    inBrowser(
        other,
        () -> {
          signIn(testAccounts.account(Role.SURGEON, site).getUsername(), TestAccounts.PASSWORD);
          open(form);
        });

    type("f-nodes_examined", "6");
    clickAndWait("save");

    inBrowser(
        other,
        () -> {
          type("f-nodes_positive", "1");
          clickAndWait("save");
          assertThat(driver().findElements(By.cssSelector("#conflicts tbody tr"))).hasSize(2);
          assertThat(row("nodes_examined")).containsExactly("5", "6", "5");
          assertThat(row("nodes_positive")).containsExactly("0", "0", "1");
          assertThat(byId("take-theirs-nodes_examined").isSelected()).isTrue();
          assertThat(byId("keep-mine-nodes_positive").isSelected()).isTrue();
          clickAndWait("save");
          assertThat(driver().getCurrentUrl()).endsWith("/cases/" + caseId + "#nodes");
          assertThat(cells()).containsSequence("Thoracic", "not entered", "1", "6");
        });
  }

  /** Before, theirs, yours of a conflicting field. */
  private List<String> row(String variable) {
    return List.of(
        byId("conflict-before-" + variable).getText(),
        byId("conflict-theirs-" + variable).getText(),
        byId("conflict-yours-" + variable).getText());
  }

  private List<String> cells() {
    return driver().findElements(By.cssSelector("#items-nodes tbody tr td")).stream()
        .map(cell -> cell.getText())
        .toList();
  }
}
