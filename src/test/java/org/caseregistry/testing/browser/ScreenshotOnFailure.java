package org.caseregistry.testing.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps what the browser showed when a test failed, before {@code @AfterEach} methods change it:
 * {@code target/browser-screenshots/<TestClass>.<method>.png} and the page's HTML beside it.
 */
class ScreenshotOnFailure implements AfterTestExecutionCallback {

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()
        || !(context.getRequiredTestInstance() instanceof BrowserTestSupport test)) {
      return;
    }
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "."
            + context.getRequiredTestMethod().getName();
    Path screenshot = test.saveScreenshot(name);
    if (screenshot != null) {
      System.err.println(
          "Browser test failed; screenshot of the page: " + screenshot.toAbsolutePath());
    }
  }
}
