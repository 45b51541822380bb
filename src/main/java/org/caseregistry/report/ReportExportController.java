package org.caseregistry.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.platform.ReportFilters;
import org.caseregistry.series.CaseSeries;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads, for coordinators and admins: the per-patient and summary tables as CSV and XLSX, and
 * the dataset ZIP. Each is audited before its first byte and written straight to the response.
 */
@Controller
@RequestMapping({"/series/{seriesId}/reports", "/api/v1/series/{seriesId}/reports"})
class ReportExportController {

  static final String CSV = "text/csv; charset=UTF-8";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ReportAccess access;
  private final ReportService reports;
  private final DatasetExport dataset;
  private final ExportAudit audit;
  private final ReportLabels labels;

  ReportExportController(
      ReportAccess access,
      ReportService reports,
      DatasetExport dataset,
      ExportAudit audit,
      ReportLabels labels) {
    this.access = access;
    this.reports = reports;
    this.dataset = dataset;
    this.audit = audit;
    this.labels = labels;
  }

  @GetMapping({"/patients.csv", "/patients.xlsx"})
  void patients(
      @PathVariable long seriesId,
      @ModelAttribute @ParameterObject ReportFilters filters,
      BindingResult binding,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response,
      CurrentAccount account)
      throws IOException {
    ReportFilter filter = exportFilter(seriesId, account, false, filters, binding);
    ReportService.PatientTablesResult result = reports.patientTables(filter, locale);
    if (result.tooMany()) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "Too many cases for per-patient tables");
    }
    boolean xlsx = request.getRequestURI().endsWith(".xlsx");
    audit.record(
        account,
        seriesId,
        ExportAudit.Kind.PATIENT_TABLES,
        xlsx ? "XLSX" : "CSV",
        filter.describe(),
        result.patients(),
        false);
    write(response, "patient-tables-" + seriesId, xlsx, result.tables());
  }

  @GetMapping({"/summary.csv", "/summary.xlsx"})
  void summary(
      @PathVariable long seriesId,
      @RequestParam(required = false) List<String> vars,
      @RequestParam(required = false) String group,
      @ModelAttribute @ParameterObject ReportFilters filters,
      BindingResult binding,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response,
      CurrentAccount account)
      throws IOException {
    ReportFilter filter = exportFilter(seriesId, account, false, filters, binding);
    SummaryCatalog catalog = reports.catalog(seriesId, locale);
    List<SummaryVariable> chosen = ReportService.chosenVariables(vars, catalog);
    String grouping = ReportService.chosenGrouping(group, catalog);
    ReportTable table = reports.summary(filter, chosen, grouping, locale, catalog);
    boolean xlsx = request.getRequestURI().endsWith(".xlsx");
    String described =
        (filter.describe()
                + " group="
                + grouping
                + " vars="
                + String.join(",", chosen.stream().map(SummaryVariable::name).toList()))
            .strip();
    audit.record(
        account,
        seriesId,
        ExportAudit.Kind.SUMMARY,
        xlsx ? "XLSX" : "CSV",
        described,
        audit.count(filter),
        false);
    write(response, "summary-" + seriesId, xlsx, List.of(table));
  }

  /**
   * The dataset. De-identified for everyone by default; {@code identified=true} (admins only) adds
   * the identifier variables and real dates.
   */
  @GetMapping("/dataset.zip")
  void dataset(
      @PathVariable long seriesId,
      @ModelAttribute @ParameterObject ReportFilters filters,
      BindingResult binding,
      @RequestParam(defaultValue = "false") boolean identified,
      @RequestParam(defaultValue = "false") boolean xlsx,
      Locale locale,
      HttpServletResponse response,
      CurrentAccount account)
      throws IOException {
    ReportFilter filter = exportFilter(seriesId, account, identified, filters, binding);
    audit.record(
        account,
        seriesId,
        ExportAudit.Kind.DATASET,
        xlsx ? "ZIP+XLSX" : "ZIP",
        filter.describe(),
        audit.count(filter),
        identified);
    response.setContentType("application/zip");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"dataset-"
            + seriesId
            + (identified ? "-identified" : "")
            + ".zip\"");
    OutputStream out = response.getOutputStream();
    dataset.write(filter, identified, xlsx, labels.in(locale), out);
    out.flush();
  }

  /**
   * The cases a download counts: the series must be visible (404), the account one that exports
   * (403; identifiers: admins only), the site one of its own (403), the filters readable (400).
   */
  private ReportFilter exportFilter(
      long seriesId,
      CurrentAccount account,
      boolean identified,
      ReportFilters filters,
      BindingResult binding) {
    CaseSeries series = access.series(seriesId, account);
    access.requireExport(account);
    if (identified) {
      access.requireIdentified(account);
    }
    return access.filter(series, account, filters, binding);
  }

  private static void write(
      HttpServletResponse response, String name, boolean xlsx, List<ReportTable> tables)
      throws IOException {
    response.setContentType(xlsx ? XLSX : CSV);
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + name + (xlsx ? ".xlsx" : ".csv") + "\"");
    OutputStream out = response.getOutputStream();
    if (xlsx) {
      TableWriters.xlsx(tables, out);
    } else {
      TableWriters.csv(tables, out);
    }
    out.flush();
  }
}
