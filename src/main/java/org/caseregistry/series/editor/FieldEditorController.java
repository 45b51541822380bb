package org.caseregistry.series.editor;

import java.util.Locale;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEdits;
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
 * The custom fields in the form editor: add one to a section, edit one (every attribute, with
 * problems next to what was typed), and the buttons of its row: move it within its section, retire,
 * restore or remove it.
 */
@Controller
@RequestMapping("/series/{seriesId}/form")
class FieldEditorController {

  private final FormService formService;
  private final FormEditorAccess access;
  private final FormEditorSaves saves;

  FieldEditorController(FormService formService, FormEditorAccess access, FormEditorSaves saves) {
    this.formService = formService;
    this.access = access;
    this.saves = saves;
  }

  @InitBinder("fieldForm")
  void fieldBinder(WebDataBinder binder) {
    binder.setAllowedFields(
        "name",
        "type",
        "labelEn",
        "labelVi",
        "hintEn",
        "hintVi",
        "unit",
        "min",
        "max",
        "usualMin",
        "usualMax",
        "maxLength",
        "required",
        "unknownAllowed",
        "notApplicableAllowed",
        "identifier",
        "showIf",
        "calculation",
        "choices",
        "style",
        "validation",
        "formVersion");
  }

  @GetMapping("/sections/{key}/fields/new")
  String newField(
      @PathVariable long seriesId, @PathVariable String key, Model model, CurrentAccount account) {
    access.section(seriesId, key, account);
    FieldForm form = new FieldForm();
    form.setFormVersion(formService.currentVersion(seriesId));
    return show(account, seriesId, key, null, form, model);
  }

  @PostMapping("/sections/{key}/fields/new")
  String addField(
      @PathVariable long seriesId,
      @PathVariable String key,
      @ModelAttribute("fieldForm") FieldForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    access.section(seriesId, key, account);
    if (result.hasErrors()) {
      return show(account, seriesId, key, null, form, model);
    }
    FormDefinition next =
        FormEdits.addField(formService.current(seriesId), key, form.toDefinition(false));
    return saves.saveFromForm(
        seriesId,
        next,
        form.getFormVersion(),
        result,
        redirect,
        "#field-" + form.getName(),
        () -> show(account, seriesId, key, null, form, model),
        account);
  }

  @GetMapping("/fields/{name}")
  String editField(
      @PathVariable long seriesId, @PathVariable String name, Model model, CurrentAccount account) {
    FieldDefinition field = access.field(seriesId, name, account);
    return show(
        account,
        seriesId,
        sectionKeyOf(seriesId, name),
        name,
        FieldForm.of(field, formService.currentVersion(seriesId)),
        model);
  }

  @PostMapping("/fields/{name}")
  String saveField(
      @PathVariable long seriesId,
      @PathVariable String name,
      @ModelAttribute("fieldForm") FieldForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    FieldDefinition field = access.field(seriesId, name, account);
    String key = sectionKeyOf(seriesId, name);
    if (result.hasErrors()) {
      return show(account, seriesId, key, name, form, model);
    }
    FormDefinition next =
        FormEdits.replaceField(
            formService.current(seriesId), name, form.toDefinition(field.retired()));
    return saves.saveFromForm(
        seriesId,
        next,
        form.getFormVersion(),
        result,
        redirect,
        "#field-" + form.getName(),
        () -> show(account, seriesId, key, name, form, model),
        account);
  }

  @PostMapping("/fields/{name}/{action}")
  String fieldAction(
      @PathVariable long seriesId,
      @PathVariable String name,
      @PathVariable String action,
      @RequestParam int formVersion,
      RedirectAttributes redirect,
      Locale locale,
      CurrentAccount account) {
    access.field(seriesId, name, account);
    return saves.saveRowAction(
        seriesId,
        action,
        RowAction.Row.field(name),
        formVersion,
        redirect,
        locale,
        "#field-" + name,
        account);
  }

  private String sectionKeyOf(long seriesId, String fieldName) {
    return formService.current(seriesId).sectionOf(fieldName).orElseThrow().key();
  }

  private String show(
      CurrentAccount account, long seriesId, String key, String name, FieldForm form, Model model) {
    model.addAttribute("series", access.editable(seriesId, account));
    model.addAttribute("sectionKey", key);
    model.addAttribute("fieldName", name);
    model.addAttribute("fieldForm", form);
    model.addAttribute("types", FieldType.values());
    model.addAttribute("form", formService.current(seriesId));
    return "series/form-field";
  }
}
