package org.caseregistry.report;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.CurrentAccounts;
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
  private final CurrentAccounts currentAccounts;

  ReportSettingsController(
      ReportAccess access, ReportSettings settings, CurrentAccounts currentAccounts) {
    this.access = access;
    this.settings = settings;
    this.currentAccounts = currentAccounts;
  }

  @GetMapping
  String form(@PathVariable long seriesId, Model model) {
    CurrentAccount account = currentAccounts.get();
    CaseSeries series = access.series(seriesId, account);
    access.requireConfigure(account);
    model.addAttribute("series", series);
    List<PatientRow> chosen = settings.patientRows(seriesId);
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
                                        chosen.contains(row)))
                            .toList()))
            .toList());
    return "report/settings";
  }

  /** A row to tick on the form. */
  record RowChoice(String id, String labelKey, boolean inPaper, boolean chosen) {}

  record TableChoice(String titleKey, List<RowChoice> rows) {}

  @PostMapping
  String save(
      @PathVariable long seriesId,
      @RequestParam(required = false) List<String> rows,
      RedirectAttributes redirect) {
    CurrentAccount account = currentAccounts.get();
    access.series(seriesId, account);
    access.requireConfigure(account);
    Set<String> chosen = rows == null ? Set.of() : Set.copyOf(rows);
    List<PatientRow> ordered =
        Arrays.stream(PatientRow.values()).filter(row -> chosen.contains(row.id())).toList();
    settings.savePatientRows(seriesId, ordered, account.username());
    redirect.addFlashAttribute("flash", "report.settings.saved");
    return "redirect:/series/" + seriesId + "/reports/patients";
  }
}
