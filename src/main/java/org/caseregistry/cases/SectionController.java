package org.caseregistry.cases;

import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.CurrentAccounts;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.NotFoundException;
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

/**
 * One form for every section and list item, laid out from the variable catalog. A refused save
 * shows every typed value again; a conflict says so and keeps the input.
 */
@Controller
@RequestMapping("/cases/{caseId}/sections/{slug}")
class SectionController {

  private static final String FORM = "cases/section";

  private final CaseService caseService;
  private final CurrentAccounts currentAccounts;

  SectionController(CaseService caseService, CurrentAccounts currentAccounts) {
    this.caseService = caseService;
    this.currentAccounts = currentAccounts;
  }

  @InitBinder("sectionForm")
  void initBinder(WebDataBinder binder) {
    binder.setAllowedFields("values[*]", "missing[*]", "version");
  }

  @GetMapping
  String edit(@PathVariable long caseId, @PathVariable String slug, Model model) {
    Section section = singleSection(slug);
    CurrentAccount account = currentAccounts.get();
    SectionForm form = SectionForm.of(section, caseService.section(caseId, section, account));
    return show(caseId, section, null, form, model);
  }

  @PostMapping
  String save(
      @PathVariable long caseId,
      @PathVariable String slug,
      @ModelAttribute("sectionForm") SectionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    Section section = singleSection(slug);
    if (result.hasErrors()) {
      return show(caseId, section, null, form, model);
    }
    try {
      CaseService.SaveOutcome outcome =
          caseService.saveSection(caseId, section, form, currentAccounts.get());
      if (!outcome.saved()) {
        Problems.bind(outcome.problems(), result);
        return show(caseId, section, null, form, model);
      }
    } catch (EditConflictException conflict) {
      result.reject("edit.conflict");
      return show(caseId, section, null, form, model);
    }
    redirect.addFlashAttribute("flash", "section.saved");
    return "redirect:/cases/" + caseId;
  }

  @GetMapping("/items/new")
  String newItem(@PathVariable long caseId, @PathVariable String slug, Model model) {
    Section section = listSection(slug);
    caseService.readable(caseId, currentAccounts.get());
    return show(caseId, section, null, SectionForm.of(section, SectionValues.empty()), model);
  }

  @GetMapping("/items/{itemId}")
  String editItem(
      @PathVariable long caseId,
      @PathVariable String slug,
      @PathVariable long itemId,
      Model model) {
    Section section = listSection(slug);
    SectionValues item = caseService.item(caseId, section, itemId, currentAccounts.get());
    return show(caseId, section, itemId, SectionForm.of(section, item), model);
  }

  @PostMapping({"/items/new", "/items/{itemId}"})
  String saveItem(
      @PathVariable long caseId,
      @PathVariable String slug,
      @PathVariable(required = false) Long itemId,
      @ModelAttribute("sectionForm") SectionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    Section section = listSection(slug);
    if (result.hasErrors()) {
      return show(caseId, section, itemId, form, model);
    }
    try {
      CaseService.SaveOutcome outcome =
          caseService.saveItem(caseId, section, itemId, form, currentAccounts.get());
      if (!outcome.saved()) {
        Problems.bind(outcome.problems(), result);
        return show(caseId, section, itemId, form, model);
      }
    } catch (EditConflictException conflict) {
      result.reject("edit.conflict");
      return show(caseId, section, itemId, form, model);
    }
    redirect.addFlashAttribute("flash", "section.saved");
    return "redirect:/cases/" + caseId;
  }

  @PostMapping("/items/{itemId}/delete")
  String deleteItem(
      @PathVariable long caseId,
      @PathVariable String slug,
      @PathVariable long itemId,
      @RequestParam int version,
      RedirectAttributes redirect) {
    Section section = listSection(slug);
    try {
      caseService.deleteItem(caseId, section, itemId, version, currentAccounts.get());
      redirect.addFlashAttribute("flash", "section.item-deleted");
    } catch (EditConflictException conflict) {
      redirect.addFlashAttribute("flash", "edit.conflict");
    }
    return "redirect:/cases/" + caseId;
  }

  private String show(long caseId, Section section, Long itemId, SectionForm form, Model model) {
    CaseService.CaseView view = caseService.view(caseId, currentAccounts.get());
    if (!view.editable()) {
      throw new org.springframework.security.access.AccessDeniedException("Withdrawn case");
    }
    model.addAttribute("view", view);
    model.addAttribute("section", section);
    model.addAttribute("itemId", itemId);
    // Identifiers the reader may not see are neither shown nor sent; a save keeps them as stored.
    model.addAttribute(
        "variables",
        CaseVariables.of(section).stream()
            .filter(v -> !view.identifiersHidden() || !v.identifier())
            .toList());
    model.addAttribute("sectionForm", form);
    model.addAttribute("missingReasons", MissingReason.values());
    return FORM;
  }

  private static Section singleSection(String slug) {
    Section section = Section.fromSlug(slug);
    if (section == null || section.isList()) {
      throw new NotFoundException();
    }
    return section;
  }

  private static Section listSection(String slug) {
    Section section = Section.fromSlug(slug);
    if (section == null || !section.isList()) {
      throw new NotFoundException();
    }
    return section;
  }
}
