package org.caseregistry.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

class SiteAdminBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;

  @Test
  void anAdministratorAddsASiteAndSeesItInBothLanguages() {
    Account admin = testAccounts.account(Role.ADMIN);
    String code = TestAccounts.unique("BT");
    String name = "Bệnh viện " + code;

    signIn(admin.getUsername(), TestAccounts.PASSWORD);
    assertThat(exists(By.id("sign-out"))).as("signed in").isTrue();

    clickAndWait("nav-sites");
    assertThat(heading()).isEqualTo("Hospital sites");
    clickAndWait("new-site");
    assertThat(heading()).isEqualTo("New site");
    assertThat(driver().findElements(By.cssSelector("main form input[type=checkbox]")))
        .as("one checkbox (Active), none stray beside the text fields")
        .hasSize(1);

    // Without a code the form comes back with the message next to the field and the input kept.
    type("name", name);
    type("city", "Huế");
    clickAndWait("save");
    assertThat(fieldError("code")).isEqualTo("Required.");
    assertThat(byId("code").getDomAttribute("class")).contains("is-invalid");
    assertThat(fieldError("name")).isNull();
    assertThat(value("name")).isEqualTo(name);
    assertThat(value("city")).isEqualTo("Huế");

    type("code", code);
    clickAndWait("save");
    assertThat(driver().getCurrentUrl()).endsWith("/admin/sites");
    assertThat(driver().findElement(By.cssSelector("main .alert-success")).getText())
        .isEqualTo("Site saved.");
    assertThat(byId("sites").findElements(By.linkText(code))).hasSize(1);
    assertThat(byId("sites").getText()).contains(name).contains("Huế");

    clickAndWait("lang-vi");
    assertThat(heading()).isEqualTo("Bệnh viện tham gia");
    assertThat(byId("sites").getText()).contains(code);
    clickAndWait("lang-en");
    assertThat(heading()).isEqualTo("Hospital sites");

    signOut();
    assertThat(driver().getCurrentUrl()).endsWith("/login?logout");
    assertThat(byId("login-logout").getText()).isEqualTo("You have signed out.");
    assertThat(exists(By.id("sign-out"))).as("signed out").isFalse();
  }

  @Test
  void aSurgeonIsShownTheFriendlyForbiddenPageForSiteAdministration() {
    Account surgeon = testAccounts.account(Role.SURGEON, testAccounts.site());

    signIn(surgeon.getUsername(), TestAccounts.PASSWORD);
    assertThat(exists(By.id("nav-sites"))).as("no Sites link for a surgeon").isFalse();

    open("/admin/sites");
    assertThat(byId("error-page").getDomAttribute("data-status")).isEqualTo("403");
    assertThat(heading()).isEqualTo("Not allowed");
    assertThat(driver().getPageSource())
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("Whitelabel");
    assertThat(exists(By.id("sign-out"))).as("still signed in, with the normal layout").isTrue();
  }
}
