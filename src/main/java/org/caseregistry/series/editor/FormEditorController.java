package org.caseregistry.series.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEdits;
import org.caseregistry.series.FormService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form editor of a series: its coordinators and admins switch built-in modules on and off and
 * order, add, edit, retire and remove custom sections ({@link SectionEditorController}) and fields
 * ({@link FieldEditorController}), each change a new version of the form, beside a preview of the
 * case form as a surgeon will see it.
 */
@Controller
@RequestMapping("/series/{seriesId}/form")
class FormEditorController {

  private final FormService formService;
  private final FormEditorAccess access;
  private final FormEditorSaves saves;

  FormEditorController(FormService formService, FormEditorAccess access, FormEditorSaves saves) {
    this.formService = formService;
    this.access = access;
    this.saves = saves;
  }

  @GetMapping
  String editor(@PathVariable long seriesId, Model model, CurrentAccount account) {
    model.addAttribute("series", access.editable(seriesId, account));
    model.addAttribute("form", formService.current(seriesId));
    model.addAttribute("formVersion", formService.currentVersion(seriesId));
    model.addAttribute("modules", Section.values());
    model.addAttribute("sectionForm", new PreviewForm());
    model.addAttribute("stored", Map.of());
    return "series/form-editor";
  }

  @GetMapping("/history")
  String history(@PathVariable long seriesId, Model model, CurrentAccount account) {
    model.addAttribute("series", access.editable(seriesId, account));
    model.addAttribute("versions", formService.history(seriesId, account));
    return "series/form-history";
  }

  @PostMapping("/modules")
  String modules(
      @PathVariable long seriesId,
      @RequestParam(name = "modules", required = false) List<String> slugs,
      @RequestParam int formVersion,
      RedirectAttributes redirect,
      Locale locale,
      CurrentAccount account) {
    access.editable(seriesId, account);
    List<Section> chosen = new ArrayList<>();
    if (slugs != null) {
      for (String slug : slugs) {
        Section section = Section.fromSlug(slug);
        if (section != null) {
          chosen.add(section);
        }
      }
    }
    FormDefinition next = FormEdits.withModules(formService.current(seriesId), chosen);
    return saves.saveAndReturn(seriesId, next, formVersion, redirect, locale, "#modules", account);
  }
}
