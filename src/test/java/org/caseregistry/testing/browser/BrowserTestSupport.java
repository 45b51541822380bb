package org.caseregistry.testing.browser;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.caseregistry.testing.TestDatabaseConfiguration;
import org.caseregistry.testing.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against the run's shared PostgreSQL, used through a
 * headless Chromium as a person would. All subclasses share one application context. Each test
 * class has its own browser, started at first use and quit after the class's last test; cookies are
 * cleared after every test, so each test starts signed out and in English. A failing test leaves a
 * screenshot and the page's HTML in {@code target/browser-screenshots/}.
 *
 * <p>A test that needs two people at once starts another browser with {@link #newBrowser()} and
 * runs steps in it with {@link #inBrowser(WebDriver, Runnable)}; the helpers then act on that
 * browser. Extra browsers are quit after the test.
 *
 * <p>Name subclasses {@code *BrowserTest}: failsafe runs them in {@code ./mvnw verify}.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = TestProperties.DATABASE)
@Import(TestDatabaseConfiguration.class)
@ExtendWith(ScreenshotOnFailure.class)
public abstract class BrowserTestSupport {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** The browser of the test class now running; test classes run one after another. */
  private static Chromium.Session browser;

  /** Browsers started by {@link #newBrowser()} in the running test, quit after it. */
  private static final List<Chromium.Session> others = new ArrayList<>();

  /** The browser the helpers act on inside {@link #inBrowser}, else null (the class's own). */
  private static WebDriver acting;

  private static boolean warned;

  @LocalServerPort private int port;

  /** Per test, so that reports count each skipped test. */
  @BeforeEach
  void requireChromium() {
    String missing = Chromium.whatIsMissing();
    if (missing == null) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("Browser tests cannot run (CI=true, so they may not be skipped): " + missing);
    }
    if (!warned) {
      warned = true;
      String line = "!".repeat(100);
      System.err.printf("%n%s%n!! BROWSER TESTS SKIPPED: %s%n%s%n%n", line, missing, line);
    }
    Assumptions.abort("Browser tests skipped: " + missing);
  }

  @AfterEach
  void forgetCookies() {
    acting = null;
    try {
      quitOtherBrowsers();
    } finally {
      if (browser != null) {
        browser.driver().manage().deleteAllCookies();
      }
    }
  }

  private static void quitOtherBrowsers() {
    RuntimeException failure = null;
    for (Chromium.Session session : others) {
      try {
        session.quit();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    others.clear();
    if (failure != null) {
      throw failure;
    }
  }

  @AfterAll
  static void quitBrowser() {
    if (browser != null) {
      try {
        browser.quit();
      } finally {
        browser = null;
      }
    }
  }

  /** The browser, started at first use; inside {@link #inBrowser} the browser given there. */
  protected WebDriver driver() {
    if (acting != null) {
      return acting;
    }
    if (browser == null) {
      browser = Chromium.start(recordsNetwork());
    }
    return browser.driver();
  }

  /**
   * Whether this class's browser records the DevTools network log, read with {@link #networkLog()};
   * off by default, since the log costs memory until read.
   */
  protected boolean recordsNetwork() {
    return false;
  }

  /** What the browser fetched since the last call (needs {@link #recordsNetwork()}). */
  protected NetworkLog networkLog() {
    return NetworkLog.read(driver());
  }

  /**
   * Another browser with its own profile and cookies (a second person at another computer), quit
   * after the test. Act in it with {@link #inBrowser(WebDriver, Runnable)}.
   */
  protected WebDriver newBrowser() {
    Chromium.Session session = Chromium.start();
    others.add(session);
    return session.driver();
  }

  /** Another browser, like {@link #newBrowser()}, that runs no page script (JavaScript off). */
  protected WebDriver newBrowserWithoutScripts() {
    Chromium.Session session = Chromium.start(false, false);
    others.add(session);
    return session.driver();
  }

  /** Runs steps with the helpers ({@link #open}, {@link #type}, ...) acting on {@code other}. */
  protected void inBrowser(WebDriver other, Runnable steps) {
    WebDriver previous = acting;
    acting = other;
    try {
      steps.run();
    } finally {
      acting = previous;
    }
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Opens a path of the application, such as {@code /admin/sites}. */
  protected void open(String path) {
    driver().get(url(path));
  }

  /** Signs in through the real sign-in page. */
  protected void signIn(String username, String password) {
    open("/login");
    type("username", username);
    type("password", password);
    clickAndWait("sign-in");
  }

  /** Signs out with the button in the navigation bar. */
  protected void signOut() {
    clickAndWait("sign-out");
  }

  protected WebElement byId(String id) {
    return driver().findElement(By.id(id));
  }

  protected boolean exists(By locator) {
    return !driver().findElements(locator).isEmpty();
  }

  /** Replaces the value of the input with this id. */
  protected void type(String id, String text) {
    WebElement input = byId(id);
    input.clear();
    input.sendKeys(text);
  }

  /** Chooses the option with this value (a code such as {@code MALE}) in the select with an id. */
  protected void select(String id, String optionValue) {
    new Select(byId(id)).selectByValue(optionValue);
  }

  /** The current value of the input or select with this id (what would be posted). */
  protected String value(String id) {
    return byId(id).getDomProperty("value");
  }

  /** Clicks the link or button with this id and waits until the page it leads to has loaded. */
  protected void clickAndWait(String id) {
    clickAndWait(By.id(id));
  }

  /** Clicks the link or button found by this locator and waits until its page has loaded. */
  protected void clickAndWait(By locator) {
    WebElement page = driver().findElement(By.tagName("html"));
    driver().findElement(locator).click();
    WebDriverWait wait = new WebDriverWait(driver(), WAIT);
    wait.until(ignored -> isGone(page));
    wait.until(
        driver ->
            "complete"
                .equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
  }

  /**
   * Whether the element belongs to a page that was left. Newer chromedrivers sometimes answer "Node
   * with given id does not belong to the document" instead of a stale element reference.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException gone) {
      return true;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /**
   * Waits for the browser to finish downloading a file whose name ends with this suffix (such as
   * {@code .xlsx}) and returns it. Files downloaded earlier in the same test class count too, so
   * give each download a distinct suffix or clear {@link #downloads()} first.
   */
  protected Path downloaded(String suffix) {
    driver();
    Path directory = browser.downloads();
    WebDriverWait wait = new WebDriverWait(driver(), WAIT);
    return wait.until(
        ignored -> {
          if (!Files.isDirectory(directory)) {
            return null;
          }
          try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files
                .filter(file -> file.getFileName().toString().endsWith(suffix))
                .filter(file -> file.toFile().length() > 0)
                .findFirst()
                .orElse(null);
          } catch (IOException e) {
            return null;
          }
        });
  }

  /** The folder the browser downloads into (it exists once something was downloaded). */
  protected Path downloads() {
    driver();
    return browser.downloads();
  }

  /** The page's main heading. */
  protected String heading() {
    return driver().findElement(By.cssSelector("main h1")).getText();
  }

  /**
   * The validation message shown next to a form field (the form fragments give it the id {@code
   * <field>-error}), as the user sees it: empty when the page hides it, null when there is none.
   */
  protected String fieldError(String field) {
    List<WebElement> errors = driver().findElements(By.id(field + "-error"));
    return errors.isEmpty() ? null : errors.get(0).getText();
  }

  /**
   * Saves a screenshot and the HTML of the current page as {@code
   * target/browser-screenshots/<name>.png} and {@code .html}; returns the PNG, or null when no
   * browser is running. Browsers from {@link #newBrowser()} are saved too, as {@code
   * <name>.browser2.png} and so on.
   */
  protected Path saveScreenshot(String name) {
    for (int i = 0; i < others.size(); i++) {
      saveScreenshot(others.get(i).driver(), name + ".browser" + (i + 2));
    }
    if (browser == null) {
      return null;
    }
    return saveScreenshot(browser.driver(), name);
  }

  private static Path saveScreenshot(WebDriver driver, String name) {
    Path directory = Path.of(System.getProperty("basedir", "."), "target", "browser-screenshots");
    Path png = directory.resolve(name + ".png");
    try {
      Files.createDirectories(directory);
      Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(
          directory.resolve(name + ".html"),
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
          StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save a screenshot of " + name + ": " + e);
      return null;
    }
    return png;
  }
}
