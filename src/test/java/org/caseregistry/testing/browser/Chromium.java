package org.caseregistry.testing.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The installed headless Chromium and its driver. Nothing is ever downloaded: the paths are fixed
 * (Debian's packages {@code chromium} and {@code chromium-driver}) unless the environment points
 * elsewhere, and Selenium Manager is kept offline.
 */
final class Chromium {

  static final String BINARY_VARIABLE = "REGISTRY_CHROME_BINARY";
  static final String DRIVER_VARIABLE = "REGISTRY_CHROMEDRIVER";
  static final String DEFAULT_BINARY = "/usr/bin/chromium";
  static final String DEFAULT_DRIVER = "/usr/bin/chromedriver";

  static {
    // Selenium passes SE_* system properties to Selenium Manager as its environment. It should
    // never run (the driver path is given), but if it does it must not reach the network.
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("SE_AVOID_STATS", "true");
  }

  private Chromium() {}

  static Path binary() {
    return pathFrom(BINARY_VARIABLE, DEFAULT_BINARY);
  }

  static Path driver() {
    return pathFrom(DRIVER_VARIABLE, DEFAULT_DRIVER);
  }

  /** Why browser tests cannot run here, or null when Chromium and its driver are installed. */
  static String whatIsMissing() {
    StringBuilder missing = new StringBuilder();
    if (!Files.isExecutable(binary())) {
      missing.append("Chromium not found at ").append(binary()).append(". ");
    }
    if (!Files.isExecutable(driver())) {
      missing.append("chromedriver not found at ").append(driver()).append(". ");
    }
    if (missing.length() == 0) {
      return null;
    }
    return missing
        + "Browser tests need the Debian packages 'chromium chromium-driver'"
        + " (apt-get install -y --no-install-recommends chromium chromium-driver; .ci/run does it),"
        + " or "
        + BINARY_VARIABLE
        + " and "
        + DRIVER_VARIABLE
        + " pointing to a Chrome or Chromium and its matching chromedriver.";
  }

  /** A new headless browser with a fresh profile; {@link Session#quit()} deletes the profile. */
  static Session start() {
    return start(false);
  }

  /**
   * A new headless browser; with {@code networkLog} it records Chrome's DevTools performance log
   * (the Network domain's events), which {@link NetworkLog} reads.
   */
  static Session start(boolean networkLog) {
    return start(networkLog, true);
  }

  /** A new headless browser; without {@code scripts} it runs no page script at all. */
  static Session start(boolean networkLog, boolean scripts) {
    Path profile;
    try {
      profile = Files.createTempDirectory("registry-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a profile directory for Chromium", e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        // Bootstrap scrolls smoothly to a #fragment otherwise (a saved section redirects to
        // /cases/1#patient), and a click during that scroll lands on whatever moved under it.
        "--force-prefers-reduced-motion",
        "--lang=en-US",
        "--user-data-dir=" + profile);
    // The registry takes its language from Accept-Language until the user picks one. Downloads go
    // to a folder inside the profile, without asking.
    Path downloads = profile.resolve("downloads");
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("intl.accept_languages", "en-US,en");
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    prefs.put("download.directory_upgrade", true);
    if (!scripts) {
      prefs.put("profile.managed_default_content_settings.javascript", 2);
    }
    options.setExperimentalOption("prefs", prefs);
    if (networkLog) {
      options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver().toFile())
            .usingAnyFreePort()
            .withSilent(true)
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Session(driver, profile);
    } catch (RuntimeException e) {
      deleteQuietly(profile);
      throw e;
    }
  }

  /** A running browser and the temporary profile it uses. */
  record Session(WebDriver driver, Path profile) {

    /** Where the browser saves downloads. */
    Path downloads() {
      return profile.resolve("downloads");
    }

    void quit() {
      try {
        driver.quit();
      } finally {
        deleteQuietly(profile);
      }
    }
  }

  private static Path pathFrom(String variable, String fallback) {
    String value = System.getenv(variable);
    return Path.of(value == null || value.isBlank() ? fallback : value);
  }

  private static void deleteQuietly(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException | UncheckedIOException ignored) {
      // A leftover temporary profile is harmless.
    }
  }
}
