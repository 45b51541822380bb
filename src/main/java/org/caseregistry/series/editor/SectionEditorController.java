package org.caseregistry.series.editor;

import java.util.Locale;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEdits;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.series.FormService;
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
 * The custom sections in the form editor: add and edit one (key, labels, repeating), and the
 * buttons of its row: move it in the form's one list of modules and sections, retire, restore or
 * remove it.
 */
@Controller
@RequestMapping("/series/{seriesId}/form/sections")
class SectionEditorController {

  private final FormService formService;
  private final FormEditorAccess access;
  private final FormEditorSaves saves;

  SectionEditorController(FormService formService, FormEditorAccess access, FormEditorSaves saves) {
    this.formService = formService;
    this.access = access;
    this.saves = saves;
  }

  @InitBinder("sectionDefinitionForm")
  void sectionBinder(WebDataBinder binder) {
    binder.setAllowedFields("key", "labelEn", "labelVi", "repeating", "formVersion");
  }

  @GetMapping("/new")
  String newSection(@PathVariable long seriesId, Model model, CurrentAccount account) {
    SectionDefinitionForm form = new SectionDefinitionForm();
    form.setFormVersion(formService.currentVersion(seriesId));
    return show(account, seriesId, null, form, model);
  }

  @PostMapping("/new")
  String addSection(
      @PathVariable long seriesId,
      @ModelAttribute("sectionDefinitionForm") SectionDefinitionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    access.editable(seriesId, account);
    FormDefinition next =
        FormEdits.addSection(formService.current(seriesId), form.toDefinition(false));
    return saves.saveFromForm(
        seriesId,
        next,
        form.getFormVersion(),
        result,
        redirect,
        "#section-" + form.getKey(),
        () -> show(account, seriesId, null, form, model),
        account);
  }

  @GetMapping("/{key}")
  String editSection(
      @PathVariable long seriesId, @PathVariable String key, Model model, CurrentAccount account) {
    SectionDefinition section = access.section(seriesId, key, account);
    return show(
        account,
        seriesId,
        key,
        SectionDefinitionForm.of(section, formService.currentVersion(seriesId)),
        model);
  }

  @PostMapping("/{key}")
  String saveSection(
      @PathVariable long seriesId,
      @PathVariable String key,
      @ModelAttribute("sectionDefinitionForm") SectionDefinitionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    SectionDefinition section = access.section(seriesId, key, account);
    FormDefinition next =
        FormEdits.replaceSection(
            formService.current(seriesId), key, form.toDefinition(section.retired()));
    return saves.saveFromForm(
        seriesId,
        next,
        form.getFormVersion(),
        result,
        redirect,
        "#section-" + form.getKey(),
        () -> show(account, seriesId, key, form, model),
        account);
  }

  @PostMapping("/{key}/{action}")
  String sectionAction(
      @PathVariable long seriesId,
      @PathVariable String key,
      @PathVariable String action,
      @RequestParam int formVersion,
      RedirectAttributes redirect,
      Locale locale,
      CurrentAccount account) {
    access.section(seriesId, key, account);
    return saves.saveRowAction(
        seriesId,
        action,
        RowAction.Row.section(key),
        formVersion,
        redirect,
        locale,
        "#section-" + key,
        account);
  }

  private String show(
      CurrentAccount account, long seriesId, String key, SectionDefinitionForm form, Model model) {
    model.addAttribute("series", access.editable(seriesId, account));
    model.addAttribute("sectionKey", key);
    model.addAttribute("sectionDefinitionForm", form);
    return "series/form-section";
  }
}
