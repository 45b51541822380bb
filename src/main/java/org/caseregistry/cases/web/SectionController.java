package org.caseregistry.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseDisplay;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.platform.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * One form for every section and list item, laid out from the variable catalog. A refused save
 * shows every typed value again; a conflict shows field by field what differs and continues against
 * the new version. After a save: back to the case with the section in view, or ("Save and next")
 * the next section's form, or (lists) another new item.
 */
@Controller
@RequestMapping("/cases/{caseId}/sections/{slug}")
class SectionController implements EditConflictPage {

  static final String FORM = "cases/section";

  private final CaseService caseService;

  SectionController(CaseService caseService) {
    this.caseService = caseService;
  }

  static void allowFormFields(WebDataBinder binder) {
    binder.setAllowedFields(
        "values[*]",
        "missing[*]",
        "version",
        "versions[*]",
        "before[*]",
        "beforeMissing[*]",
        "resolve[*]");
  }

  @InitBinder("sectionForm")
  void initBinder(WebDataBinder binder) {
    allowFormFields(binder);
  }

  @ModelAttribute("sectionForm")
  SectionForm sectionForm(HttpServletRequest request) {
    return StaleEdit.keep(request, new SectionForm());
  }

  @GetMapping
  String edit(
      @PathVariable long caseId, @PathVariable String slug, Model model, CurrentAccount account) {
    Section section = singleSection(slug);
    SectionForm form = SectionForm.of(section, caseService.section(caseId, section, account));
    return show(account, caseId, section, null, form, List.of(), model);
  }

  @PostMapping
  String save(
      @PathVariable long caseId,
      @PathVariable String slug,
      @ModelAttribute("sectionForm") SectionForm form,
      BindingResult result,
      @RequestParam(required = false) String then,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    Section section = singleSection(slug);
    if (result.hasErrors()) {
      return show(account, caseId, section, null, form, List.of(), model);
    }
    if (!form.getResolve().isEmpty()) {
      SectionConflicts.takeTheirs(section, form, caseService.section(caseId, section, account));
    }
    Outcome outcome = caseService.saveSection(caseId, section, form, account);
    if (!outcome.saved()) {
      Problems.bind(outcome.problems(), result);
      return show(account, caseId, section, null, form, List.of(), model);
    }
    redirect.addFlashAttribute("flash", "section.saved");
    return "redirect:" + afterSave(caseId, section, then, account);
  }

  @GetMapping("/items/new")
  String newItem(
      @PathVariable long caseId, @PathVariable String slug, Model model, CurrentAccount account) {
    Section section = listSection(slug);
    caseService.readable(caseId, account);
    return show(
        account,
        caseId,
        section,
        null,
        SectionForm.of(section, SectionValues.empty()),
        List.of(),
        model);
  }

  @GetMapping("/items/{itemId}")
  String editItem(
      @PathVariable long caseId,
      @PathVariable String slug,
      @PathVariable long itemId,
      Model model,
      CurrentAccount account) {
    Section section = listSection(slug);
    SectionValues item = caseService.item(caseId, section, itemId, account);
    return show(account, caseId, section, itemId, SectionForm.of(section, item), List.of(), model);
  }

  @PostMapping({"/items/new", "/items/{itemId}"})
  String saveItem(
      @PathVariable long caseId,
      @PathVariable String slug,
      @PathVariable(required = false) Long itemId,
      @ModelAttribute("sectionForm") SectionForm form,
      BindingResult result,
      @RequestParam(required = false) String then,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    Section section = listSection(slug);
    if (result.hasErrors()) {
      return show(account, caseId, section, itemId, form, List.of(), model);
    }
    if (itemId != null && !form.getResolve().isEmpty()) {
      SectionConflicts.takeTheirs(
          section, form, caseService.item(caseId, section, itemId, account));
    }
    Outcome outcome = caseService.saveItem(caseId, section, itemId, form, account);
    if (!outcome.saved()) {
      Problems.bind(outcome.problems(), result);
      return show(account, caseId, section, itemId, form, List.of(), model);
    }
    redirect.addFlashAttribute("flash", "section.saved");
    if ("another".equals(then)) {
      return "redirect:" + CaseWorkspace.formLink(caseId, section);
    }
    return "redirect:" + afterSave(caseId, section, then, account);
  }

  /**
   * Removes an item once confirmed: the page's script asks first and posts {@code confirmed=true};
   * without the script the same button leads to a confirmation page.
   */
  @PostMapping("/items/{itemId}/delete")
  String deleteItem(
      @PathVariable long caseId,
      @PathVariable String slug,
      @PathVariable long itemId,
      @RequestParam int version,
      @RequestParam(defaultValue = "false") boolean confirmed,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    Section section = listSection(slug);
    if (!confirmed) {
      CaseService.CaseView view = caseService.view(caseId, account);
      if (!view.editable()) {
        throw new AccessDeniedException("Withdrawn case");
      }
      model.addAttribute("view", view);
      model.addAttribute("section", section);
      model.addAttribute("item", caseService.item(caseId, section, itemId, account));
      model.addAttribute("version", version);
      return "cases/remove-item";
    }
    caseService.deleteItem(caseId, section, itemId, version, account);
    redirect.addFlashAttribute("flash", "section.item-deleted");
    return "redirect:/cases/" + caseId + "#" + section.slug();
  }

  /**
   * A stale save: the form shows the stored values, field by field beside what was typed, to
   * continue against the new version (a new list item has nothing to compare with).
   */
  @Override
  public String afterStaleSave(StaleEdit edit, Model model) {
    Section section = Section.fromSlug(edit.path("slug"));
    SectionForm form = edit.form(SectionForm.class);
    Long itemId = edit.itemId();
    List<SectionConflicts.Field> fields = List.of();
    if (!section.isList() || itemId != null) {
      SectionValues stored =
          section.isList()
              ? caseService.item(edit.caseId(), section, itemId, edit.account())
              : caseService.section(edit.caseId(), section, edit.account());
      fields = SectionConflicts.between(section, form, stored);
      form.setVersion(stored.version());
      form.rebase(section, stored);
      form.getResolve().clear();
    }
    edit.rejected("sectionForm", "edit.conflict.resolve", model);
    return show(edit.account(), edit.caseId(), section, itemId, form, fields, model);
  }

  @Override
  public String afterStaleRemoval(StaleEdit edit) {
    return "/cases/" + edit.caseId() + "#" + Section.fromSlug(edit.path("slug")).slug();
  }

  /** The next section's form ("Save and next"), else the case with the section in view. */
  private String afterSave(long caseId, Section section, String then, CurrentAccount account) {
    if ("next".equals(then)) {
      CaseService.CaseView view = caseService.view(caseId, account);
      return CaseWorkspace.next(view, List.of(section));
    }
    return "/cases/" + caseId + "#" + section.slug();
  }

  private String show(
      CurrentAccount account,
      long caseId,
      Section section,
      Long itemId,
      SectionForm form,
      List<SectionConflicts.Field> conflicts,
      Model model) {
    CaseService.CaseView view = caseService.view(caseId, account);
    model.addAttribute("section", section);
    model.addAttribute("itemId", itemId);
    // Identifiers the reader may not see are neither shown nor sent; a save keeps them as stored.
    model.addAttribute(
        "variables",
        CaseVariables.of(section).stream()
            .filter(v -> !view.identifiersHidden() || !v.identifier())
            .toList());
    return page(view, List.of(section), form, conflicts, model);
  }

  /** What the form page of one section and that of several sections share. */
  static String page(
      CaseService.CaseView view,
      List<Section> sections,
      SectionForm form,
      List<SectionConflicts.Field> conflicts,
      Model model) {
    if (!view.editable()) {
      throw new AccessDeniedException("Withdrawn case");
    }
    model.addAttribute("view", view);
    model.addAttribute("sections", sections);
    model.addAttribute("sectionForm", form);
    model.addAttribute("missingReasons", MissingReason.values());
    model.addAttribute("conflicts", conflicts);
    model.addAttribute("branching", CaseDisplay.branchingConditions());
    model.addAttribute(
        "workspace",
        CaseWorkspace.entries(view, CustomDisplay.vietnamese(LocaleContextHolder.getLocale())));
    model.addAttribute(
        "sectionWarnings",
        view.derived().warnings().stream()
            .filter(warning -> sections.contains(CaseWorkspace.sectionOf(warning)))
            .toList());
    return FORM;
  }

  static List<Variable> variablesOf(List<Section> sections) {
    List<Variable> variables = new ArrayList<>();
    sections.forEach(section -> variables.addAll(CaseVariables.of(section)));
    return variables;
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
