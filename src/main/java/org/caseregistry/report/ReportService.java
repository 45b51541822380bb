package org.caseregistry.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.series.FormService;
import org.springframework.stereotype.Service;

/**
 * Computes the report tables once per request, for the page and for every export alike: the
 * per-patient tables of a small series and the summary tables of any size.
 */
@Service
class ReportService {

  private final PatientQuery patientQuery;
  private final SummaryQuery summaryQuery;
  private final SummaryCounts summaryCounts;
  private final ReportSettings settings;
  private final ReportLabels labels;
  private final FormService forms;

  ReportService(
      PatientQuery patientQuery,
      SummaryQuery summaryQuery,
      SummaryCounts summaryCounts,
      ReportSettings settings,
      ReportLabels labels,
      FormService forms) {
    this.patientQuery = patientQuery;
    this.summaryQuery = summaryQuery;
    this.summaryCounts = summaryCounts;
    this.settings = settings;
    this.labels = labels;
    this.forms = forms;
  }

  /** The per-patient tables, or {@code tooMany} when the cases are more than a table can hold. */
  record PatientTablesResult(List<ReportTable> tables, int patients, boolean tooMany) {}

  PatientTablesResult patientTables(ReportFilter filter, Locale locale) {
    if (filter.seesNothing()) {
      return new PatientTablesResult(List.of(), 0, false);
    }
    FormDefinition form = forms.current(filter.seriesId());
    List<PatientRecord> patients = patientQuery.find(filter, form);
    if (patients.size() > PatientQuery.MAX_PATIENTS) {
      return new PatientTablesResult(List.of(), patients.size(), true);
    }
    ReportSettings.ChosenRows rows = settings.chosenRows(filter.seriesId(), form);
    PatientTables builder = new PatientTables(labels.in(locale), new ReportFormat(locale));
    return new PatientTablesResult(
        builder.build(patients, rows.builtIn(), rows.custom()), patients.size(), false);
  }

  /** The summary variables of a series in the reader's language, custom fields included. */
  SummaryCatalog catalog(long seriesId, Locale locale) {
    return SummaryCatalog.of(forms.current(seriesId), locale);
  }

  /**
   * The variables asked for that the series' form offers, each once, in the order asked; the form's
   * defaults if none.
   */
  static List<SummaryVariable> chosenVariables(List<String> names, SummaryCatalog catalog) {
    Set<String> unique =
        new LinkedHashSet<>(names == null || names.isEmpty() ? catalog.defaults() : names);
    List<SummaryVariable> chosen = new ArrayList<>();
    unique.forEach(name -> catalog.find(name).ifPresent(chosen::add));
    return chosen;
  }

  static List<SummaryVariable> chosenVariables(List<String> names, FormDefinition form) {
    return chosenVariables(names, SummaryCatalog.of(form, Locale.ENGLISH));
  }

  /** The variables asked for that exist, each once, in the order asked; the defaults if none. */
  static List<SummaryVariable> chosenVariables(List<String> names) {
    Set<String> unique =
        new LinkedHashSet<>(names == null || names.isEmpty() ? SummaryVariable.defaults() : names);
    List<SummaryVariable> chosen = new ArrayList<>();
    unique.forEach(name -> SummaryVariable.find(name).ifPresent(chosen::add));
    return chosen;
  }

  /** A grouping the summary knows, or none. */
  static String chosenGrouping(String grouping, SummaryCatalog catalog) {
    if (grouping == null || grouping.isBlank()) {
      return null;
    }
    if (SummaryVariable.SITE.equals(grouping) || SummaryVariable.OPERATION_YEAR.equals(grouping)) {
      return grouping;
    }
    return catalog
        .find(grouping)
        .filter(v -> !v.continuous())
        .map(SummaryVariable::name)
        .orElse(null);
  }

  static String chosenGrouping(String grouping) {
    return chosenGrouping(
        grouping,
        SummaryCatalog.of(new FormDefinition(List.of(Section.values()), List.of()), null));
  }

  ReportTable summary(
      ReportFilter filter, List<SummaryVariable> variables, String grouping, Locale locale) {
    return summary(filter, variables, grouping, locale, catalog(filter.seriesId(), locale));
  }

  /**
   * The same with the series' variables already at hand (the page read them to choose). From the
   * kept per-value counts when they can answer it ({@link SummaryCounts}), else by a pass over the
   * cases ({@link SummaryQuery}); the numbers are the same either way.
   */
  ReportTable summary(
      ReportFilter filter,
      List<SummaryVariable> variables,
      String grouping,
      Locale locale,
      SummaryCatalog catalog) {
    SummaryVariable groupVariable = catalog.find(grouping).orElse(null);
    SummaryData data;
    if (filter.seesNothing()) {
      data = new SummaryData(grouping, List.of(), 0, List.of());
    } else if (SummaryCounts.answers(filter, variables, grouping)) {
      data =
          summaryCounts
              .run(filter, variables, grouping)
              .orElseGet(() -> summaryQuery.run(filter, variables, grouping, groupVariable));
    } else {
      data = summaryQuery.run(filter, variables, grouping, groupVariable);
    }
    Labels words = labels.in(locale);
    return new SummaryLayout(words, new ReportFormat(locale))
        .build(
            data,
            words.message("report.summary.title"),
            groupLabel(grouping, Optional.ofNullable(groupVariable), words));
  }

  private static Function<String, String> groupLabel(
      String grouping, Optional<SummaryVariable> variable, Labels words) {
    if (grouping == null
        || SummaryVariable.SITE.equals(grouping)
        || SummaryVariable.OPERATION_YEAR.equals(grouping)) {
      return code -> code;
    }
    return code -> variable.flatMap(v -> v.option(code)).map(words::code).orElse(code);
  }
}
