package org.caseregistry.report;

import java.time.LocalDate;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.cases.IdentifierPolicy;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.ReportFilters;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see which report, checked for every request: everyone sees the on-screen reports of the
 * series they can see, counting only the cases of their own sites (admins: all sites); only
 * coordinators and admins export; only admins export identifiers and real dates.
 */
@Component
class ReportAccess {

  private final SeriesService seriesService;
  private final FormService forms;

  ReportAccess(SeriesService seriesService, FormService forms) {
    this.forms = forms;
    this.seriesService = seriesService;
  }

  /** The series, or 404 when the account may not see it. */
  CaseSeries series(long seriesId, CurrentAccount account) {
    return seriesService.visible(seriesId, account);
  }

  static boolean canExport(CurrentAccount account) {
    return account.is(Role.COORDINATOR) || account.is(Role.ADMIN);
  }

  static boolean canExportIdentified(CurrentAccount account) {
    return IdentifierPolicy.mayExport(account);
  }

  static boolean canConfigure(CurrentAccount account) {
    return SeriesService.canManage(account);
  }

  void requireExport(CurrentAccount account) {
    if (!canExport(account)) {
      throw new AccessDeniedException("Only coordinators and admins export");
    }
  }

  void requireIdentified(CurrentAccount account) {
    if (!canExportIdentified(account)) {
      throw new AccessDeniedException("Only admins export identifiers and real dates");
    }
  }

  void requireConfigure(CurrentAccount account) {
    if (!canConfigure(account)) {
      throw new AccessDeniedException("Only coordinators and admins configure reports");
    }
  }

  /** The cases a report of this series counts for this account, by the request's filters. */
  ReportFilter filter(CaseSeries series, CurrentAccount account, ReportFilters filters) {
    return filter(
        series, account, filters.site(), filters.from(), filters.to(), filters.lockedOnly());
  }

  /**
   * The same for a download or the API, where there is no field to show a message next to: a filter
   * that could not be read is a 400 that names it.
   */
  ReportFilter filter(
      CaseSeries series, CurrentAccount account, ReportFilters filters, BindingResult binding) {
    if (binding.hasErrors()) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "A filter could not be read: "
              + String.join(", ", ReportFilters.errors(binding).keySet()));
    }
    return filter(series, account, filters);
  }

  /** The cases a report of this series may count for this account; a foreign site is refused. */
  ReportFilter filter(
      CaseSeries series, CurrentAccount account, Long siteId, LocalDate from, LocalDate to) {
    return filter(series, account, siteId, from, to, false);
  }

  /** The same, optionally restricted to the locked cases. */
  ReportFilter filter(
      CaseSeries series,
      CurrentAccount account,
      Long siteId,
      LocalDate from,
      LocalDate to,
      boolean lockedOnly) {
    if (siteId != null && !account.canSeeSite(siteId)) {
      throw new AccessDeniedException("Not one of your sites");
    }
    Set<Long> allowed = account.isAdmin() ? null : Set.copyOf(account.siteIds());
    return new ReportFilter(series.getId(), allowed, siteId, from, to, lockedOnly);
  }

  /** The series' form, whose modules decide which variables its reports offer. */
  FormDefinition form(long seriesId) {
    return forms.current(seriesId);
  }
}
