package org.caseregistry.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.series.CaseSeries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Which rows the per-patient tables of a series show: coordinators and admins choose. */
@Controller
@RequestMapping("/series/{seriesId}/reports/settings")
class ReportSettingsController {

  private final ReportAccess access;
  private final ReportSettings settings;
  private final ReportLabels labels;

  ReportSettingsController(ReportAccess access, ReportSettings settings, ReportLabels labels) {
    this.access = access;
    this.settings = settings;
    this.labels = labels;
  }

  @GetMapping
  String form(@PathVariable long seriesId, Locale locale, Model model, CurrentAccount account) {
    CaseSeries series = access.series(seriesId, account);
    access.requireConfigure(account);
    model.addAttribute("series", series);
    FormDefinition form = access.form(seriesId);
    ReportSettings.ChosenRows chosen = settings.chosenRows(seriesId, form);
    model.addAttribute(
        "tables",
        Arrays.stream(PatientRow.Table.values())
            .map(
                table ->
                    new TableChoice(
                        table.titleKey(),
                        PatientRow.of(table).stream()
                            .map(
                                row ->
                                    new RowChoice(
                                        row.id(),
                                        row.labelKey(),
                                        row.inPaper(),
                                        chosen.builtIn().contains(row)))
                            .toList()))
            .toList());
    model.addAttribute("customTables", customChoices(form, chosen, labels.in(locale)));
    return "report/settings";
  }

  /** A row to tick on the form. */
  record RowChoice(String id, String labelKey, boolean inPaper, boolean chosen) {}

  record TableChoice(String titleKey, List<RowChoice> rows) {}

  /** A custom row to tick: its label is the form's own, in the reader's language. */
  record CustomRowChoice(String id, String label, boolean retired, boolean chosen) {}

  record CustomTableChoice(String title, List<CustomRowChoice> rows) {}

  private static List<CustomTableChoice> customChoices(
      FormDefinition form, ReportSettings.ChosenRows chosen, Labels words) {
    Map<SectionDefinition, List<CustomRowChoice>> bySection = new LinkedHashMap<>();
    for (CustomPatientRows.Row row : CustomPatientRows.offered(form)) {
      bySection
          .computeIfAbsent(row.section(), section -> new ArrayList<>())
          .add(
              new CustomRowChoice(
                  row.id(), row.label(words), row.retired(), chosen.custom().contains(row)));
    }
    List<CustomTableChoice> tables = new ArrayList<>();
    bySection.forEach(
        (section, rows) ->
            tables.add(new CustomTableChoice(section.label(words.vietnamese()), rows)));
    return tables;
  }

  @PostMapping
  String save(
      @PathVariable long seriesId,
      @RequestParam(required = false) List<String> rows,
      RedirectAttributes redirect,
      CurrentAccount account) {
    access.series(seriesId, account);
    access.requireConfigure(account);
    Set<String> chosen = rows == null ? Set.of() : Set.copyOf(rows);
    List<PatientRow> ordered =
        Arrays.stream(PatientRow.values()).filter(row -> chosen.contains(row.id())).toList();
    List<CustomPatientRows.Row> custom = CustomPatientRows.chosen(access.form(seriesId), chosen);
    settings.savePatientRows(seriesId, ordered, custom, account.username());
    redirect.addFlashAttribute("flash", "report.settings.saved");
    return "redirect:/series/" + seriesId + "/reports/patients";
  }
}
