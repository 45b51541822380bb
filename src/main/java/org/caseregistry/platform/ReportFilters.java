package org.caseregistry.platform;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The filters of the report and dashboard pages as the request gives them, bound once by
 * {@code @ModelAttribute} through this constructor: a site, an operation date range, and whether
 * only locked cases count. A value that does not convert (a date not written yyyy-mm-dd, a site
 * that is not a number) is left out and reported by {@link #errors(BindingResult)}, never a 500.
 */
public record ReportFilters(
    Long site,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
    Boolean locked) {

  /** The message shown next to a filter whose value could not be read. */
  public static final String INVALID = "report.filter.invalid";

  public static final String INVALID_DATE = "report.filter.invalid-date";

  public boolean lockedOnly() {
    return Boolean.TRUE.equals(locked);
  }

  /** The message key for each filter whose value could not be read, by filter name. */
  public static Map<String, String> errors(BindingResult binding) {
    Map<String, String> errors = new LinkedHashMap<>();
    binding
        .getFieldErrors()
        .forEach(
            error ->
                errors.putIfAbsent(
                    error.getField(),
                    "from".equals(error.getField()) || "to".equals(error.getField())
                        ? INVALID_DATE
                        : INVALID));
    return errors;
  }
}
