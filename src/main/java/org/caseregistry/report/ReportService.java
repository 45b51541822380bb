package org.caseregistry.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.caseregistry.form.FormDefinition;
import org.springframework.stereotype.Service;

/**
 * Computes the report tables once per request, for the page and for every export alike: the
 * per-patient tables of a small series and the summary tables of any size.
 */
@Service
class ReportService {

  private final PatientQuery patientQuery;
  private final SummaryQuery summaryQuery;
  private final ReportSettings settings;
  private final ReportLabels labels;

  ReportService(
      PatientQuery patientQuery,
      SummaryQuery summaryQuery,
      ReportSettings settings,
      ReportLabels labels) {
    this.patientQuery = patientQuery;
    this.summaryQuery = summaryQuery;
    this.settings = settings;
    this.labels = labels;
  }

  /** The per-patient tables, or {@code tooMany} when the cases are more than a table can hold. */
  record PatientTablesResult(List<ReportTable> tables, int patients, boolean tooMany) {}

  PatientTablesResult patientTables(ReportFilter filter, Locale locale) {
    if (filter.seesNothing()) {
      return new PatientTablesResult(List.of(), 0, false);
    }
    List<PatientRecord> patients = patientQuery.find(filter);
    if (patients.size() > PatientQuery.MAX_PATIENTS) {
      return new PatientTablesResult(List.of(), patients.size(), true);
    }
    List<PatientRow> rows = settings.patientRows(filter.seriesId());
    PatientTables builder = new PatientTables(labels.in(locale), new ReportFormat(locale));
    return new PatientTablesResult(builder.build(patients, rows), patients.size(), false);
  }

  /**
   * The variables asked for that the series' form offers, each once, in the order asked; the form's
   * defaults if none.
   */
  static List<SummaryVariable> chosenVariables(List<String> names, FormDefinition form) {
    Set<String> unique =
        new LinkedHashSet<>(
            names == null || names.isEmpty() ? SummaryVariable.defaults(form) : names);
    List<SummaryVariable> chosen = new ArrayList<>();
    unique.forEach(
        name -> SummaryVariable.find(name).filter(v -> v.offeredBy(form)).ifPresent(chosen::add));
    return chosen;
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
  static String chosenGrouping(String grouping) {
    if (grouping == null || grouping.isBlank()) {
      return null;
    }
    if (SummaryVariable.SITE.equals(grouping) || SummaryVariable.OPERATION_YEAR.equals(grouping)) {
      return grouping;
    }
    return SummaryVariable.find(grouping)
        .filter(v -> !v.continuous())
        .map(SummaryVariable::name)
        .orElse(null);
  }

  ReportTable summary(
      ReportFilter filter, List<SummaryVariable> variables, String grouping, Locale locale) {
    SummaryData data =
        filter.seesNothing()
            ? new SummaryData(grouping, List.of(), 0, List.of())
            : summaryQuery.run(filter, variables, grouping);
    Labels words = labels.in(locale);
    return new SummaryLayout(words, new ReportFormat(locale))
        .build(data, words.message("report.summary.title"), groupLabel(grouping, words));
  }

  private static Function<String, String> groupLabel(String grouping, Labels words) {
    if (grouping == null
        || SummaryVariable.SITE.equals(grouping)
        || SummaryVariable.OPERATION_YEAR.equals(grouping)) {
      return code -> code;
    }
    Optional<SummaryVariable> variable = SummaryVariable.find(grouping);
    return code -> variable.flatMap(v -> v.option(code)).map(words::code).orElse(code);
  }
}
