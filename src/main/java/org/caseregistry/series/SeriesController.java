package org.caseregistry.series;

import jakarta.validation.Valid;
import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.platform.FormSaves;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.site.SiteService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/series")
class SeriesController {

  private static final String FORM = "series/form";

  private static final String COPY = "copy:";

  private final SeriesService seriesService;
  private final SiteService siteService;
  private final FormService formService;

  SeriesController(SeriesService seriesService, SiteService siteService, FormService formService) {
    this.seriesService = seriesService;
    this.siteService = siteService;
    this.formService = formService;
  }

  @InitBinder("seriesForm")
  void initBinder(WebDataBinder binder) {
    binder.setAllowedFields(
        "title",
        "description",
        "procedure",
        "periodStart",
        "periodEnd",
        "status",
        "siteIds",
        "version",
        "formStart");
  }

  @GetMapping
  String list(Model model, CurrentAccount account) {
    model.addAttribute("seriesList", seriesService.visibleTo(account));
    model.addAttribute("canManage", SeriesService.canManage(account));
    return "series/list";
  }

  @GetMapping("/new")
  String newForm(Model model, CurrentAccount account) {
    requireManager(account);
    model.addAttribute("seriesForm", new SeriesForm());
    addChoices(model, account);
    return FORM;
  }

  @PostMapping("/new")
  String create(
      @Valid @ModelAttribute("seriesForm") SeriesForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    requireManager(account);
    addChoices(model, account);
    if (result.hasErrors()) {
      return FORM;
    }
    FormDefinition start = startingForm(form.getFormStart(), account);
    if (start == null) {
      result.rejectValue("formStart", "form.start.unknown");
      return FORM;
    }
    CaseSeries created = seriesService.create(form, account, result);
    if (created == null) {
      return FORM;
    }
    formService.initialise(created.getId(), start, account.username());
    redirect.addFlashAttribute("flash", "series.saved");
    return "redirect:/series/" + created.getId() + "/cases";
  }

  @GetMapping("/{id}/edit")
  String editForm(@PathVariable long id, Model model, CurrentAccount account) {
    requireManager(account);
    CaseSeries series = seriesService.visible(id, account);
    model.addAttribute("series", series);
    model.addAttribute("seriesForm", SeriesForm.of(series));
    addChoices(model, account);
    return FORM;
  }

  @PostMapping("/{id}/edit")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("seriesForm") SeriesForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    requireManager(account);
    model.addAttribute("series", seriesService.visible(id, account));
    addChoices(model, account);
    if (!FormSaves.saved(result, () -> seriesService.update(id, form, account, result))) {
      return FORM;
    }
    redirect.addFlashAttribute("flash", "series.saved");
    return "redirect:/series/" + id + "/cases";
  }

  /** The template's form, or a copy of a series the account sees; null when neither. */
  private FormDefinition startingForm(String choice, CurrentAccount account) {
    if (choice == null || choice.isBlank()) {
      return FormTemplate.ESOPHAGECTOMY.definition();
    }
    if (choice.startsWith(COPY)) {
      try {
        return formService.current(Long.parseLong(choice.substring(COPY.length())), account);
      } catch (NumberFormatException | NotFoundException notAVisibleSeries) {
        return null;
      }
    }
    for (FormTemplate template : FormTemplate.values()) {
      if (template.name().equals(choice)) {
        return template.definition();
      }
    }
    return null;
  }

  private void addChoices(Model model, CurrentAccount account) {
    model.addAttribute("templates", FormTemplate.values());
    model.addAttribute("copyChoices", seriesService.visibleTo(account));
    List<HospitalSite> choices =
        siteService.active().stream().filter(site -> account.canSeeSite(site.getId())).toList();
    model.addAttribute("siteChoices", choices);
    model.addAttribute("statuses", CaseSeries.Status.values());
  }

  private void requireManager(CurrentAccount account) {
    if (!SeriesService.canManage(account)) {
      throw new AccessDeniedException("Only admins and coordinators manage case series");
    }
  }
}
