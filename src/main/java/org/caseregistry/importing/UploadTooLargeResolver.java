package org.caseregistry.importing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload larger than the server accepts at all fails before any controller runs; for the import
 * page it goes back to the upload form with the limit in words instead of an error page.
 */
@Component
class UploadTooLargeResolver implements HandlerExceptionResolver, Ordered {

  private static final Pattern IMPORT_PATH = Pattern.compile("/series/(\\d+)/import(/.*)?");

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!(ex instanceof MaxUploadSizeExceededException)) {
      return null;
    }
    var matcher =
        IMPORT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    if (!matcher.matches()) {
      return null;
    }
    FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
    flash.put("uploadError", "import.file.too-large");
    RequestContextUtils.saveOutputFlashMap(
        "/series/" + matcher.group(1) + "/import", request, response);
    return new ModelAndView("redirect:/series/" + matcher.group(1) + "/import");
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
