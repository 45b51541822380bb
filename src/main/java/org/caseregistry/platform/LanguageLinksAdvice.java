package org.caseregistry.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The language links keep the page's other query parameters (the chosen report variables, the
 * case-list filter), so switching language shows the same page, only translated.
 */
@ControllerAdvice
public class LanguageLinksAdvice {

  public static final String ATTRIBUTE = "queryWithoutLang";

  @ModelAttribute(ATTRIBUTE)
  String attribute(HttpServletRequest request) {
    return queryWithoutLang(request);
  }

  /** For a page rendered by an exception handler, whose model the advice does not fill. */
  public static String queryWithoutLang(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null || query.isBlank()) {
      return "";
    }
    String kept =
        Arrays.stream(query.split("&"))
            .filter(parameter -> !parameter.isEmpty() && !parameter.startsWith("lang="))
            .collect(Collectors.joining("&"));
    return kept.isEmpty() ? "" : kept + "&";
  }
}
