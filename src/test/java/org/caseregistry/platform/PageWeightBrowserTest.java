package org.caseregistry.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.caseregistry.testing.browser.NetworkLog;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bytes over the wire for the case page and the report pages, first view (empty cache) and repeat
 * view, as Chrome's DevTools network log counts them (headers and compressed bodies). The figures
 * are printed for the README; a repeat view must stay under 40 KB.
 */
class PageWeightBrowserTest extends BrowserTestSupport {

  private static final long REPEAT_VIEW_LIMIT = 40 * 1024;

  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures caseFixtures;

  @Override
  protected boolean recordsNetwork() {
    return true;
  }

  @Test
  void repeatViewsOfTheCasePageAndTheReportsTransferUnder40Kilobytes() {
    HospitalSite site = testAccounts.site();
    CaseSeries series = caseFixtures.series(site);
    long caseId = 0;
    for (int i = 0; i < 6; i++) {
      caseId = caseFixtures.newCase(series, site);
      caseFixtures.save(caseId, Section.PATIENT, Map.of("sex", "MALE", "age_years", "6" + i));
      caseFixtures.save(caseId, Section.POSTOP, Map.of("oral_intake_pod", "8"));
    }
    Account coordinator = testAccounts.account(Role.COORDINATOR, site);
    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);

    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("case page", "/cases/" + caseId);
    pages.put("per-patient tables", "/series/" + series.getId() + "/reports/patients");
    pages.put("summary table", "/series/" + series.getId() + "/reports/summary");
    pages.put("data quality", "/series/" + series.getId() + "/reports/quality");
    pages.put("reports", "/series/" + series.getId() + "/reports");
    StringBuilder figures = new StringBuilder("Bytes transferred (first view / repeat view):\n");
    for (Map.Entry<String, String> page : pages.entrySet()) {
      ((ChromeDriver) driver()).executeCdpCommand("Network.clearBrowserCache", Map.of());
      networkLog();
      open(page.getValue());
      NetworkLog first = networkLog();
      open(page.getValue());
      NetworkLog repeat = networkLog();
      figures.append(
          String.format(
              "  %-20s %7.1f KB / %5.1f KB%n",
              page.getKey(),
              first.bytesTransferred() / 1024.0,
              repeat.bytesTransferred() / 1024.0));
      assertThat(first.requests())
          .as("style sheets and scripts are fetched on a first view")
          .anySatisfy(request -> assertThat(request.type()).isEqualTo("Stylesheet"));
      System.out.print(figures);
      figures.setLength(0);
      // Chrome keeps its own favicon cache and may ask for the icon again (well under 1 KB).
      assertThat(repeat.requests())
          .as("a repeat view fetches the page only: %s", repeat)
          .allSatisfy(
              request ->
                  assertThat(
                          request.bytes() == 0
                              || "Document".equals(request.type())
                              || request.url().contains("/images/favicon-"))
                      .isTrue());
      assertThat(repeat.bytesTransferred())
          .as("%s, repeat view:%n%s", page.getKey(), repeat)
          .isLessThan(REPEAT_VIEW_LIMIT);
    }
  }

  @Test
  void assetsHaveContentHashedUrlsLongCacheLifetimesAndComeCompressed() throws Exception {
    open("/login");
    String css =
        driver().findElements(By.cssSelector("link[rel=stylesheet]")).stream()
            .map(link -> link.getDomAttribute("href"))
            .filter(href -> href.contains("bootstrap"))
            .findFirst()
            .orElseThrow();
    assertThat(css).matches("/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css");
    String icon = driver().findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href");
    assertThat(icon).matches("/images/favicon-[0-9a-f]{32}\\.svg");
    String appCss =
        driver().findElements(By.cssSelector("link[rel=stylesheet]")).stream()
            .map(link -> link.getDomAttribute("href"))
            .filter(href -> href.startsWith("/css/app"))
            .findFirst()
            .orElseThrow();

    // Written again from the links the filter remembers: the same hashed URLs.
    open("/login");
    assertThat(
            driver().findElements(By.cssSelector("link[rel=stylesheet]")).stream()
                .map(link -> link.getDomAttribute("href")))
        .containsExactlyInAnyOrder(css, appCss);

    for (String asset : new String[] {css, appCss, icon}) {
      HttpResponse<byte[]> response = get(asset, true);
      assertThat(response.statusCode()).as(asset).isEqualTo(200);
      assertThat(response.headers().firstValue("Cache-Control").orElse(""))
          .as(asset)
          .contains("max-age=31536000")
          .contains("public")
          .doesNotContain("no-store");
      if (!asset.contains("favicon")) { // under 1 KB: not worth compressing
        assertThat(response.headers().firstValue("Content-Encoding")).as(asset).hasValue("gzip");
      }
    }
    // Pages are compressed too, and never cached.
    HttpResponse<byte[]> login = get("/login", true);
    assertThat(login.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    // Without Accept-Encoding, plain.
    assertThat(get(appCss, false).headers().firstValue("Content-Encoding")).isEmpty();
  }

  private HttpResponse<byte[]> get(String path, boolean gzip) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    try {
      return HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
