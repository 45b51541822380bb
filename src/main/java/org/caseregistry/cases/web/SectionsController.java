package org.caseregistry.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.Section;
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
 * Several single sections on one page with one submit ({@code ?s=patient,tumour}; without it every
 * single section): each is still checked, versioned, saved and audited as its own section.
 */
@Controller
@RequestMapping("/cases/{caseId}/sections")
class SectionsController implements EditConflictPage {

  private final CaseService caseService;

  SectionsController(CaseService caseService) {
    this.caseService = caseService;
  }

  @InitBinder("sectionForm")
  void initBinder(WebDataBinder binder) {
    SectionController.allowFormFields(binder);
  }

  @ModelAttribute("sectionForm")
  SectionForm sectionForm(HttpServletRequest request) {
    return StaleEdit.keep(request, new SectionForm());
  }

  @GetMapping
  String edit(
      @PathVariable long caseId,
      @RequestParam(required = false) String s,
      Model model,
      CurrentAccount account) {
    CaseService.CaseView view = caseService.view(caseId, account);
    List<Section> sections = inForm(sections(s), s, view);
    return show(view, sections, SectionForm.of(sections, view.data()), List.of(), model);
  }

  @PostMapping
  String save(
      @PathVariable long caseId,
      @RequestParam(required = false) String s,
      @ModelAttribute("sectionForm") SectionForm form,
      BindingResult result,
      @RequestParam(required = false) String then,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    // The case as stored before this save: a refused save changes nothing, so its page shows it.
    CaseService.CaseView stored = caseService.view(caseId, account);
    List<Section> sections = inForm(sections(s), s, stored);
    if (result.hasErrors()) {
      return show(stored, sections, form, List.of(), model);
    }
    if (!form.getResolve().isEmpty()) {
      sections.forEach(
          section -> SectionConflicts.takeTheirs(section, form, stored.data().single(section)));
    }
    Outcome outcome = caseService.saveSections(caseId, sections, form, account);
    if (!outcome.saved()) {
      Problems.bind(outcome.problems(), result);
      return show(stored, sections, form, List.of(), model);
    }
    redirect.addFlashAttribute("flash", "section.saved");
    if ("next".equals(then)) {
      CaseService.CaseView view = caseService.view(caseId, account);
      return "redirect:" + CaseWorkspace.next(view, sections);
    }
    return "redirect:/cases/" + caseId + "#" + sections.get(0).slug();
  }

  /**
   * A stale save: the sections someone else saved since show their stored values, field by field
   * beside what was typed, to continue against their new versions.
   */
  @Override
  public String afterStaleSave(StaleEdit edit, Model model) {
    SectionForm form = edit.form(SectionForm.class);
    CaseService.CaseView view = caseService.view(edit.caseId(), edit.account());
    String slugs = edit.param("s");
    List<Section> sections = inForm(sections(slugs), slugs, view);
    List<SectionConflicts.Field> fields = new ArrayList<>();
    for (Section section : sections) {
      SectionValues stored = view.data().single(section);
      if (stored.version() != form.getVersions().getOrDefault(section.slug(), 0)) {
        fields.addAll(SectionConflicts.between(section, form.forSection(section), stored));
        form.getVersions().put(section.slug(), stored.version());
        form.rebase(section, stored);
      }
    }
    form.getResolve().clear();
    edit.rejected("sectionForm", "edit.conflict.resolve", model);
    return show(view, sections, form, fields, model);
  }

  private String show(
      CaseService.CaseView view,
      List<Section> sections,
      SectionForm form,
      List<SectionConflicts.Field> conflicts,
      Model model) {
    model.addAttribute("section", null);
    model.addAttribute(
        "sectionSlugs", String.join(",", sections.stream().map(Section::slug).toList()));
    model.addAttribute("itemId", null);
    model.addAttribute("variables", SectionController.variablesOf(sections));
    return SectionController.page(view, sections, form, conflicts, model);
  }

  /**
   * The sections the case's series uses: all of its single modules when none was named; a named
   * section the series does not use is not there (404).
   */
  private static List<Section> inForm(
      List<Section> named, String slugs, CaseService.CaseView view) {
    if (slugs != null && !slugs.isBlank() && !named.stream().allMatch(view.form()::hasModule)) {
      throw new NotFoundException();
    }
    return named.stream().filter(view.form()::hasModule).toList();
  }

  /** The single sections named, in form order; none named: all of them. Anything else: 404. */
  static List<Section> sections(String slugs) {
    List<Section> named = new ArrayList<>();
    if (slugs == null || slugs.isBlank()) {
      for (Section section : Section.values()) {
        if (!section.isList()) {
          named.add(section);
        }
      }
      return named;
    }
    for (String slug : slugs.split(",", 20)) {
      Section section = Section.fromSlug(slug.strip());
      if (section == null || section.isList()) {
        throw new NotFoundException();
      }
      if (!named.contains(section)) {
        named.add(section);
      }
    }
    named.sort(null);
    return named;
  }
}
