package org.caseregistry.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.Outcome;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.series.SeriesService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page, its history, withdrawal and permanent deletion. */
@Controller
@RequestMapping("/cases/{caseId}")
class CaseController implements EditConflictPage {

  private final CaseService caseService;
  private final SeriesService seriesService;

  CaseController(CaseService caseService, SeriesService seriesService) {
    this.caseService = caseService;
    this.seriesService = seriesService;
  }

  @GetMapping
  String view(@PathVariable long caseId, Model model, Locale locale, CurrentAccount account) {
    CaseService.CaseView view = caseService.view(caseId, account);
    model.addAttribute("view", view);
    model.addAttribute("signOff", SignOffActions.of(account, view.header(), view.signOff()));
    model.addAttribute("catalog", new CatalogView());
    model.addAttribute("workspace", CaseWorkspace.entries(view, CustomDisplay.vietnamese(locale)));
    return "cases/view";
  }

  @GetMapping("/header")
  String editHeader(@PathVariable long caseId, Model model, CurrentAccount account) {
    CaseHeader header = caseService.readable(caseId, account);
    CaseListController.NewCaseForm form = new CaseListController.NewCaseForm();
    form.setStudyCode(header.studyCode());
    form.setSiteId(header.siteId());
    form.setVersion(header.version());
    return showHeader(
        header, form, new BeanPropertyBindingResult(form, "caseHeader"), model, account);
  }

  @PostMapping("/header")
  String saveHeader(
      @PathVariable long caseId,
      CaseListController.NewCaseForm form,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    CaseHeader header = caseService.readable(caseId, account);
    BindingResult result = new BeanPropertyBindingResult(form, "caseHeader");
    Outcome outcome =
        caseService.updateHeader(
            caseId, form.getStudyCode(), form.getSiteId(), form.getVersion(), account);
    if (outcome.saved()) {
      redirect.addFlashAttribute("flash", "section.saved");
      return "redirect:/cases/" + caseId;
    }
    Problems.bindProperties(outcome.problems(), result);
    return showHeader(header, form, result, model, account);
  }

  /** The study code and site as posted, kept for the page of a stale save. */
  @ModelAttribute("newCaseForm")
  CaseListController.NewCaseForm headerForm(HttpServletRequest request) {
    return StaleEdit.keep(request, new CaseListController.NewCaseForm());
  }

  /** A stale save of the study code or site: the typed values kept, with the message. */
  @Override
  public String afterStaleSave(StaleEdit edit, Model model) {
    CaseListController.NewCaseForm form = edit.form(CaseListController.NewCaseForm.class);
    BindingResult result = new BeanPropertyBindingResult(form, "caseHeader");
    result.reject("edit.conflict");
    CaseHeader header = caseService.readable(edit.caseId(), edit.account());
    return showHeader(header, form, result, model, edit.account());
  }

  private String showHeader(
      CaseHeader header,
      CaseListController.NewCaseForm form,
      BindingResult result,
      Model model,
      CurrentAccount account) {
    model.addAttribute("header", header);
    model.addAttribute("caseHeader", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "caseHeader", result);
    model.addAttribute(
        "siteChoices",
        CasePolicy.sitesFor(account, seriesService.visible(header.seriesId(), account)));
    return "cases/header";
  }

  @GetMapping("/history")
  String history(@PathVariable long caseId, Model model, CurrentAccount account) {
    model.addAttribute("header", caseService.readable(caseId, account));
    model.addAttribute("entries", caseService.history(caseId, account));
    model.addAttribute("form", caseService.form(caseId, account));
    model.addAttribute("catalog", new CatalogView());
    return "cases/history";
  }

  @PostMapping("/withdraw")
  String withdraw(
      @PathVariable long caseId,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect,
      CurrentAccount account) {
    if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
      redirect.addFlashAttribute("withdrawError", "case.withdraw.reason-required");
      return "redirect:/cases/" + caseId;
    }
    caseService.withdraw(caseId, reason.strip(), account);
    redirect.addFlashAttribute("flash", "case.withdrawn");
    return "redirect:/cases/" + caseId;
  }

  @PostMapping("/restore")
  String restore(@PathVariable long caseId, RedirectAttributes redirect, CurrentAccount account) {
    caseService.restore(caseId, account);
    redirect.addFlashAttribute("flash", "case.restored");
    return "redirect:/cases/" + caseId;
  }

  @GetMapping("/delete")
  String confirmDelete(@PathVariable long caseId, Model model, CurrentAccount account) {
    if (!CasePolicy.canDelete(account)) {
      throw new AccessDeniedException("Admins only");
    }
    model.addAttribute("header", caseService.readable(caseId, account));
    return "cases/delete";
  }

  @PostMapping("/delete")
  String delete(
      @PathVariable long caseId,
      @RequestParam(required = false) String confirmation,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    if (!CasePolicy.canDelete(account)) {
      throw new AccessDeniedException("Admins only");
    }
    CaseHeader header = caseService.readable(caseId, account);
    if (!caseService.delete(caseId, confirmation, account).saved()) {
      model.addAttribute("header", header);
      model.addAttribute("confirmation", confirmation);
      model.addAttribute("confirmationError", true);
      return "cases/delete";
    }
    redirect.addFlashAttribute("flash", "case.deleted");
    return "redirect:/series/" + header.seriesId() + "/cases";
  }

  /** Lets templates look variables up by name. */
  static final class CatalogView {
    public Variable variable(String name) {
      return CaseVariables.exists(name) ? CaseVariables.get(name) : null;
    }

    public List<Variable> of(Section section) {
      return CaseVariables.of(section);
    }
  }
}
