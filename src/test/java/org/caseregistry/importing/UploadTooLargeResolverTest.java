package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/** An upload the server refuses before any controller runs still ends on the import page. */
class UploadTooLargeResolverTest {

  private final UploadTooLargeResolver resolver = new UploadTooLargeResolver();

  private static MockHttpServletRequest request(String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, new FlashMap());
    request.setAttribute(
        DispatcherServlet.FLASH_MAP_MANAGER_ATTRIBUTE, new SessionFlashMapManager());
    return request;
  }

  @Test
  void anOversizedImportGoesBackToTheUploadFormWithTheLimit() {
    MockHttpServletRequest request = request("/series/42/import");
    ModelAndView view =
        resolver.resolveException(
            request, new MockHttpServletResponse(), null, new MaxUploadSizeExceededException(1));
    assertThat(view.getViewName()).isEqualTo("redirect:/series/42/import");
    FlashMap flash = (FlashMap) request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE);
    assertThat(flash.get("uploadError")).isEqualTo("import.file.too-large");
  }

  @Test
  void otherPagesAndOtherErrorsAreLeftToTheDefaults() {
    assertThat(
            resolver.resolveException(
                request("/series/42/cases/new"),
                new MockHttpServletResponse(),
                null,
                new MaxUploadSizeExceededException(1)))
        .isNull();
    assertThat(
            resolver.resolveException(
                request("/series/42/import"),
                new MockHttpServletResponse(),
                null,
                new IllegalStateException()))
        .isNull();
  }
}
