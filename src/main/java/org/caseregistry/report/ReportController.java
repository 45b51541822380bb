package org.caseregistry.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.platform.ReportFilters;
import org.caseregistry.query.QueryPolicy;
import org.caseregistry.query.QueryService;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The report pages of a series: overview, per-patient tables, summary tables, data quality. */
@Controller
@RequestMapping("/series/{seriesId}/reports")
class ReportController {

  static final int RECENT_EXPORTS = 20;

  private final ReportAccess access;
  private final ReportService reports;
  private final DataQuality dataQuality;
  private final ExportAudit audit;
  private final ExportFilterWords filterWords;
  private final ReportLabels labels;
  private final QueryService queries;

  ReportController(
      ReportAccess access,
      ReportService reports,
      DataQuality dataQuality,
      ExportAudit audit,
      ExportFilterWords filterWords,
      ReportLabels labels,
      QueryService queries) {
    this.queries = queries;
    this.access = access;
    this.reports = reports;
    this.dataQuality = dataQuality;
    this.audit = audit;
    this.filterWords = filterWords;
    this.labels = labels;
  }

  @GetMapping
  String index(@PathVariable long seriesId, Locale locale, Model model, CurrentAccount account) {
    CaseSeries series = access.series(seriesId, account);
    common(model, series, account, new ReportFilters(null, null, null, null));
    if (ReportAccess.canExport(account)) {
      List<ExportAudit.Entry> recent = audit.recent(seriesId, RECENT_EXPORTS);
      model.addAttribute("recentExports", recent);
      model.addAttribute(
          "recentFilters",
          recent.stream().map(e -> filterWords.words(e.filters(), series, locale)).toList());
    }
    return "report/index";
  }

  @GetMapping("/patients")
  String patients(
      @PathVariable long seriesId,
      @ModelAttribute ReportFilters filters,
      BindingResult binding,
      Locale locale,
      Model model,
      CurrentAccount account) {
    ReportFilter filter = pageFilter(seriesId, filters, binding, model, account);
    model.addAttribute("result", reports.patientTables(filter, locale));
    model.addAttribute("maxPatients", PatientQuery.MAX_PATIENTS);
    return "report/patients";
  }

  @GetMapping("/summary")
  String summary(
      @PathVariable long seriesId,
      @RequestParam(required = false) List<String> vars,
      @RequestParam(required = false) String group,
      @ModelAttribute ReportFilters filters,
      BindingResult binding,
      Locale locale,
      Model model,
      CurrentAccount account) {
    ReportFilter filter = pageFilter(seriesId, filters, binding, model, account);
    SummaryCatalog catalog = reports.catalog(seriesId, locale);
    List<SummaryVariable> chosen = ReportService.chosenVariables(vars, catalog);
    String grouping = ReportService.chosenGrouping(group, catalog);
    model.addAttribute("table", reports.summary(filter, chosen, grouping, locale, catalog));
    model.addAttribute("chosen", chosen.stream().map(SummaryVariable::name).toList());
    model.addAttribute("grouping", grouping);
    model.addAttribute("variables", catalog.offered());
    model.addAttribute(
        "groupings", catalog.offered().stream().filter(v -> !v.continuous()).toList());
    return "report/summary";
  }

  @GetMapping("/quality")
  String quality(
      @PathVariable long seriesId,
      @ModelAttribute ReportFilters filters,
      BindingResult binding,
      Locale locale,
      Model model,
      CurrentAccount account) {
    ReportFilter filter = pageFilter(seriesId, filters, binding, model, account);
    CaseSeries series = (CaseSeries) model.getAttribute("series");
    DataQuality.Report report = dataQuality.report(filter);
    Labels words = labels.in(locale);
    Map<String, String> warningLabels = new HashMap<>();
    report
        .warningCounts()
        .keySet()
        .forEach(code -> warningLabels.put(code, warningLabel(code, words)));
    report
        .warnings()
        .forEach(w -> warningLabels.computeIfAbsent(w.code(), code -> warningLabel(code, words)));
    model.addAttribute("quality", report);
    model.addAttribute("queryMetrics", queries.metrics(series, account));
    model.addAttribute("canRaise", QueryPolicy.canRaise(account));
    model.addAttribute("now", Instant.now());
    // Most incomplete first (not entered, then unknown); complete variables are folded away.
    model.addAttribute(
        "incomplete",
        report.variables().stream()
            .filter(row -> !row.complete())
            .sorted(
                Comparator.comparingLong((DataQuality.VariableRow row) -> row.total()[0])
                    .thenComparingLong(row -> row.total()[1])
                    .reversed())
            .toList());
    model.addAttribute(
        "complete", report.variables().stream().filter(DataQuality.VariableRow::complete).toList());
    model.addAttribute("warningLabels", warningLabels);
    model.addAttribute("warningLimit", DataQuality.WARNING_LIMIT);
    return "report/quality";
  }

  /**
   * "unusual-value:conduit_time_min" reads "Outside the usual range: Conduit construction time".
   */
  static String warningLabel(String stored, Labels words) {
    int colon = stored.indexOf(':');
    String code = colon < 0 ? stored : stored.substring(0, colon);
    String text = words.firstOf(code, "report.warning." + code);
    if (colon < 0) {
      return text;
    }
    String variable = stored.substring(colon + 1);
    return text + ": " + words.firstOf(variable, "var." + variable);
  }

  /**
   * What every report page does first: the series (404 when not visible), the cases it counts for
   * this account (403 for a foreign site), and the model the filter fields and links read; a filter
   * that could not be read is left out with a message next to its field.
   */
  private ReportFilter pageFilter(
      long seriesId,
      ReportFilters filters,
      BindingResult binding,
      Model model,
      CurrentAccount account) {
    CaseSeries series = access.series(seriesId, account);
    ReportFilter filter = access.filter(series, account, filters);
    common(model, series, account, filters);
    model.addAttribute("filterErrors", ReportFilters.errors(binding));
    return filter;
  }

  private void common(
      Model model, CaseSeries series, CurrentAccount account, ReportFilters filters) {
    model.addAttribute("series", series);
    model.addAttribute("canExport", ReportAccess.canExport(account));
    model.addAttribute("canExportIdentified", ReportAccess.canExportIdentified(account));
    model.addAttribute("canConfigure", ReportAccess.canConfigure(account));
    List<HospitalSite> sites =
        series.getSites().stream()
            .filter(s -> account.canSeeSite(s.getId()))
            .sorted(Comparator.comparing(HospitalSite::getCode))
            .toList();
    model.addAttribute("siteChoices", sites);
    model.addAttribute("site", filters.site());
    model.addAttribute("from", filters.from());
    model.addAttribute("to", filters.to());
    model.addAttribute("locked", filters.lockedOnly() ? Boolean.TRUE : null);
  }
}
