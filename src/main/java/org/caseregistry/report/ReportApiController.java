package org.caseregistry.report;

import java.util.List;
import java.util.Locale;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.platform.ReportFilters;
import org.caseregistry.series.CaseSeries;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report outputs as JSON for other systems, under the REST API's token authentication: the same
 * tables, computed by the same service, with the same role and site rules as the pages. The
 * downloads (CSV, XLSX, dataset ZIP) are served under /api/v1 by {@link ReportExportController}.
 */
@RestController
@RequestMapping("/api/v1/series/{seriesId}/reports")
class ReportApiController {

  private final ReportAccess access;
  private final ReportService reports;
  private final DataQuality dataQuality;

  ReportApiController(ReportAccess access, ReportService reports, DataQuality dataQuality) {
    this.access = access;
    this.reports = reports;
    this.dataQuality = dataQuality;
  }

  /** The per-patient tables (the seed paper's Tables 1–3), for series of up to 30 cases. */
  @GetMapping("/patients")
  ReportService.PatientTablesResult patients(
      @PathVariable long seriesId,
      @ModelAttribute @ParameterObject ReportFilters filters,
      BindingResult binding,
      Locale locale,
      CurrentAccount account) {
    return reports.patientTables(filter(seriesId, filters, binding, account), locale);
  }

  /** A summary table of the chosen variables, optionally grouped. */
  @GetMapping("/summary")
  ReportTable summary(
      @PathVariable long seriesId,
      @RequestParam(required = false) List<String> vars,
      @RequestParam(required = false) String group,
      @ModelAttribute @ParameterObject ReportFilters filters,
      BindingResult binding,
      Locale locale,
      CurrentAccount account) {
    SummaryCatalog catalog = reports.catalog(seriesId, locale);
    return reports.summary(
        filter(seriesId, filters, binding, account),
        ReportService.chosenVariables(vars, catalog),
        ReportService.chosenGrouping(group, catalog),
        locale,
        catalog);
  }

  /** Missing, unknown and not-applicable counts per variable and site, and every warning. */
  @GetMapping("/quality")
  DataQuality.Report quality(
      @PathVariable long seriesId,
      @ModelAttribute ReportFilters filters,
      BindingResult binding,
      CurrentAccount account) {
    return dataQuality.report(filter(seriesId, filters, binding, account));
  }

  private ReportFilter filter(
      long seriesId, ReportFilters filters, BindingResult binding, CurrentAccount account) {
    CaseSeries series = access.series(seriesId, account);
    return access.filter(series, account, filters, binding);
  }
}
