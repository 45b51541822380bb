package org.caseregistry.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.CustomSectionService;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.rules.CustomRules;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.platform.NotFoundException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form of a series' custom section (or of one item of a repeating one), laid out from the
 * series' form. As for built-in sections, a refused save shows every typed value again next to its
 * message, and a conflict keeps the input.
 */
@Controller
@RequestMapping("/cases/{caseId}/forms/{key}")
class CustomSectionController implements EditConflictPage {

  private static final String FORM = "cases/custom-section";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CustomSectionService sections;
  private final CaseService caseService;

  CustomSectionController(CustomSectionService sections, CaseService caseService) {
    this.sections = sections;
    this.caseService = caseService;
  }

  @InitBinder("sectionForm")
  void initBinder(WebDataBinder binder) {
    binder.setAllowedFields("values[*]", "missing[*]", "version");
  }

  @ModelAttribute("sectionForm")
  SectionForm sectionForm(HttpServletRequest request) {
    return StaleEdit.keep(request, new SectionForm());
  }

  @GetMapping
  String edit(
      @PathVariable long caseId, @PathVariable String key, Model model, CurrentAccount account) {
    // The case view holds the form and the values (identifiers masked as the reader must see
    // them): no second read of either.
    CaseService.CaseView view = caseService.view(caseId, account);
    SectionDefinition section = view.form().section(key).orElseThrow(NotFoundException::new);
    SectionValues stored = view.data().custom().single(key);
    return show(view, section, null, SectionForm.of(section, stored), stored, model);
  }

  @PostMapping
  String save(
      @PathVariable long caseId,
      @PathVariable String key,
      @ModelAttribute("sectionForm") SectionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    SectionDefinition section = sections.section(caseId, key, account);
    if (!result.hasErrors()) {
      Outcome outcome = sections.save(caseId, key, form, account);
      if (outcome.saved()) {
        redirect.addFlashAttribute("flash", "section.saved");
        return "redirect:/cases/" + caseId + "#custom-" + key;
      }
      Problems.bind(outcome.problems(), result);
    }
    SectionValues stored = sections.values(caseId, key, account);
    return show(account, caseId, section, null, form, stored, model);
  }

  @GetMapping("/items/new")
  String newItem(
      @PathVariable long caseId, @PathVariable String key, Model model, CurrentAccount account) {
    SectionDefinition section = sections.section(caseId, key, account);
    SectionValues empty = SectionValues.empty();
    return show(account, caseId, section, null, SectionForm.of(section, empty), empty, model);
  }

  @GetMapping("/items/{itemId}")
  String editItem(
      @PathVariable long caseId,
      @PathVariable String key,
      @PathVariable long itemId,
      Model model,
      CurrentAccount account) {
    SectionDefinition section = sections.section(caseId, key, account);
    SectionValues item = sections.item(caseId, key, itemId, account);
    return show(account, caseId, section, itemId, SectionForm.of(section, item), item, model);
  }

  @PostMapping({"/items/new", "/items/{itemId}"})
  String saveItem(
      @PathVariable long caseId,
      @PathVariable String key,
      @PathVariable(required = false) Long itemId,
      @ModelAttribute("sectionForm") SectionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    SectionDefinition section = sections.section(caseId, key, account);
    if (!result.hasErrors()) {
      Outcome outcome = sections.saveItem(caseId, key, itemId, form, account);
      if (outcome.saved()) {
        redirect.addFlashAttribute("flash", "section.saved");
        return "redirect:/cases/" + caseId + "#custom-" + key;
      }
      Problems.bind(outcome.problems(), result);
    }
    SectionValues stored =
        itemId == null ? SectionValues.empty() : sections.item(caseId, key, itemId, account);
    return show(account, caseId, section, itemId, form, stored, model);
  }

  @PostMapping("/items/{itemId}/delete")
  String deleteItem(
      @PathVariable long caseId,
      @PathVariable String key,
      @PathVariable long itemId,
      @RequestParam int version,
      RedirectAttributes redirect,
      CurrentAccount account) {
    sections.deleteItem(caseId, key, itemId, version, account);
    redirect.addFlashAttribute("flash", "section.item-deleted");
    return "redirect:/cases/" + caseId + "#custom-" + key;
  }

  /** A stale save: the typed values kept, shown beside the stored ones. */
  @Override
  public String afterStaleSave(StaleEdit edit, Model model) {
    long caseId = edit.caseId();
    String key = edit.path("key");
    Long itemId = edit.itemId();
    SectionDefinition section = sections.section(caseId, key, edit.account());
    SectionValues stored;
    if (!section.repeating()) {
      stored = sections.values(caseId, key, edit.account());
    } else {
      stored =
          itemId == null
              ? SectionValues.empty()
              : sections.item(caseId, key, itemId, edit.account());
    }
    edit.rejected("sectionForm", "edit.conflict", model);
    return show(
        edit.account(), caseId, section, itemId, edit.form(SectionForm.class), stored, model);
  }

  @Override
  public String afterStaleRemoval(StaleEdit edit) {
    return "/cases/" + edit.caseId() + "#custom-" + edit.path("key");
  }

  private String show(
      CurrentAccount account,
      long caseId,
      SectionDefinition section,
      Long itemId,
      SectionForm form,
      SectionValues stored,
      Model model) {
    return show(caseService.view(caseId, account), section, itemId, form, stored, model);
  }

  private String show(
      CaseService.CaseView view,
      SectionDefinition section,
      Long itemId,
      SectionForm form,
      SectionValues stored,
      Model model) {
    if (!view.editable()) {
      throw new AccessDeniedException("Withdrawn case");
    }
    if (section.retired()) {
      throw new NotFoundException();
    }
    model.addAttribute("view", view);
    model.addAttribute("section", section);
    model.addAttribute("itemId", itemId);
    model.addAttribute("sectionForm", form);
    model.addAttribute("stored", stored);
    model.addAttribute("missingReasons", MissingReason.values());
    model.addAttribute(
        "knownValues",
        JSON.writeValueAsString(CustomRules.knownValues(view.form(), view.data(), section.key())));
    return FORM;
  }
}
