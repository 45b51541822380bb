package org.caseregistry.series.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.CurrentAccounts;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEdits;
import org.caseregistry.form.FormRules;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesService;
import org.springframework.context.MessageSource;
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
 * The form editor of a series: its coordinators and admins switch built-in modules on and off and
 * add, edit, order, retire and remove custom sections and fields, each change a new version of the
 * form, beside a preview of the case form as a surgeon will see it.
 */
@Controller
@RequestMapping("/series/{seriesId}/form")
class FormEditorController {

  private static final String EDITOR = "series/form-editor";
  private static final String SECTION = "series/form-section";
  private static final String FIELD = "series/form-field";

  private final FormService formService;
  private final SeriesService seriesService;
  private final CurrentAccounts currentAccounts;
  private final MessageSource messages;

  FormEditorController(
      FormService formService,
      SeriesService seriesService,
      CurrentAccounts currentAccounts,
      MessageSource messages) {
    this.formService = formService;
    this.seriesService = seriesService;
    this.currentAccounts = currentAccounts;
    this.messages = messages;
  }

  @InitBinder("sectionDefinitionForm")
  void sectionBinder(WebDataBinder binder) {
    binder.setAllowedFields("key", "labelEn", "labelVi", "repeating", "formVersion");
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

  // ---------------------------------------------------------------- the editor page

  @GetMapping
  String editor(@PathVariable long seriesId, Model model) {
    CaseSeries series = editable(seriesId);
    model.addAttribute("series", series);
    model.addAttribute("form", formService.current(seriesId));
    model.addAttribute("formVersion", formService.currentVersion(seriesId));
    model.addAttribute("modules", Section.values());
    model.addAttribute("sectionForm", new PreviewForm());
    model.addAttribute("stored", Map.of());
    return EDITOR;
  }

  @GetMapping("/history")
  String history(@PathVariable long seriesId, Model model) {
    CaseSeries series = editable(seriesId);
    model.addAttribute("series", series);
    model.addAttribute("versions", formService.history(seriesId, currentAccounts.get()));
    return "series/form-history";
  }

  @PostMapping("/modules")
  String modules(
      @PathVariable long seriesId,
      @RequestParam(name = "modules", required = false) List<String> slugs,
      @RequestParam int formVersion,
      RedirectAttributes redirect,
      Locale locale) {
    editable(seriesId);
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
    return saveAndReturn(seriesId, next, formVersion, redirect, locale, "#modules");
  }

  // ---------------------------------------------------------------- sections

  @GetMapping("/sections/new")
  String newSection(@PathVariable long seriesId, Model model) {
    SectionDefinitionForm form = new SectionDefinitionForm();
    form.setFormVersion(formService.currentVersion(seriesId));
    return showSection(seriesId, null, form, model);
  }

  @PostMapping("/sections/new")
  String addSection(
      @PathVariable long seriesId,
      @ModelAttribute("sectionDefinitionForm") SectionDefinitionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    editable(seriesId);
    FormDefinition next =
        FormEdits.addSection(formService.current(seriesId), form.toDefinition(false));
    return saveFromForm(
        seriesId,
        next,
        form.getFormVersion(),
        result,
        redirect,
        "#section-" + form.getKey(),
        () -> showSection(seriesId, null, form, model));
  }

  @GetMapping("/sections/{key}")
  String editSection(@PathVariable long seriesId, @PathVariable String key, Model model) {
    SectionDefinition section = section(seriesId, key);
    return showSection(
        seriesId,
        key,
        SectionDefinitionForm.of(section, formService.currentVersion(seriesId)),
        model);
  }

  @PostMapping("/sections/{key}")
  String saveSection(
      @PathVariable long seriesId,
      @PathVariable String key,
      @ModelAttribute("sectionDefinitionForm") SectionDefinitionForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    SectionDefinition section = section(seriesId, key);
    FormDefinition next =
        FormEdits.replaceSection(
            formService.current(seriesId), key, form.toDefinition(section.retired()));
    return saveFromForm(
        seriesId,
        next,
        form.getFormVersion(),
        result,
        redirect,
        "#section-" + form.getKey(),
        () -> showSection(seriesId, key, form, model));
  }

  @PostMapping("/sections/{key}/{action}")
  String sectionAction(
      @PathVariable long seriesId,
      @PathVariable String key,
      @PathVariable String action,
      @RequestParam int formVersion,
      RedirectAttributes redirect,
      Locale locale) {
    section(seriesId, key);
    FormDefinition form = formService.current(seriesId);
    FormDefinition next =
        switch (action) {
          case "up" -> FormEdits.moveSection(form, key, -1);
          case "down" -> FormEdits.moveSection(form, key, 1);
          case "retire" -> FormEdits.retireSection(form, key, true);
          case "restore" -> FormEdits.retireSection(form, key, false);
          case "remove" -> FormEdits.removeSection(form, key);
          default -> throw new NotFoundException();
        };
    return saveAndReturn(seriesId, next, formVersion, redirect, locale, "#section-" + key);
  }

  // ---------------------------------------------------------------- fields

  @GetMapping("/sections/{key}/fields/new")
  String newField(@PathVariable long seriesId, @PathVariable String key, Model model) {
    section(seriesId, key);
    FieldForm form = new FieldForm();
    form.setFormVersion(formService.currentVersion(seriesId));
    return showField(seriesId, key, null, form, model);
  }

  @PostMapping("/sections/{key}/fields/new")
  String addField(
      @PathVariable long seriesId,
      @PathVariable String key,
      @ModelAttribute("fieldForm") FieldForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    section(seriesId, key);
    if (result.hasErrors()) {
      return showField(seriesId, key, null, form, model);
    }
    FormDefinition next =
        FormEdits.addField(formService.current(seriesId), key, form.toDefinition(false));
    return saveFromForm(
        seriesId,
        next,
        form.getFormVersion(),
        result,
        redirect,
        "#field-" + form.getName(),
        () -> showField(seriesId, key, null, form, model));
  }

  @GetMapping("/fields/{name}")
  String editField(@PathVariable long seriesId, @PathVariable String name, Model model) {
    FieldDefinition field = field(seriesId, name);
    String key = formService.current(seriesId).sectionOf(name).orElseThrow().key();
    return showField(
        seriesId, key, name, FieldForm.of(field, formService.currentVersion(seriesId)), model);
  }

  @PostMapping("/fields/{name}")
  String saveField(
      @PathVariable long seriesId,
      @PathVariable String name,
      @ModelAttribute("fieldForm") FieldForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    FieldDefinition field = field(seriesId, name);
    String key = formService.current(seriesId).sectionOf(name).orElseThrow().key();
    if (result.hasErrors()) {
      return showField(seriesId, key, name, form, model);
    }
    FormDefinition next =
        FormEdits.replaceField(
            formService.current(seriesId), name, form.toDefinition(field.retired()));
    return saveFromForm(
        seriesId,
        next,
        form.getFormVersion(),
        result,
        redirect,
        "#field-" + form.getName(),
        () -> showField(seriesId, key, name, form, model));
  }

  @PostMapping("/fields/{name}/{action}")
  String fieldAction(
      @PathVariable long seriesId,
      @PathVariable String name,
      @PathVariable String action,
      @RequestParam int formVersion,
      RedirectAttributes redirect,
      Locale locale) {
    field(seriesId, name);
    FormDefinition form = formService.current(seriesId);
    FormDefinition next =
        switch (action) {
          case "up" -> FormEdits.moveField(form, name, -1);
          case "down" -> FormEdits.moveField(form, name, 1);
          case "retire" -> FormEdits.retireField(form, name, true);
          case "restore" -> FormEdits.retireField(form, name, false);
          case "remove" -> FormEdits.removeField(form, name);
          default -> throw new NotFoundException();
        };
    return saveAndReturn(seriesId, next, formVersion, redirect, locale, "#field-" + name);
  }

  // ---------------------------------------------------------------- saving

  /** Saves a change made by a button; refusals come back as messages above the editor. */
  private String saveAndReturn(
      long seriesId,
      FormDefinition next,
      int formVersion,
      RedirectAttributes redirect,
      Locale locale,
      String anchor) {
    try {
      FormService.SaveOutcome outcome =
          formService.save(seriesId, next, formVersion, currentAccounts.get());
      if (outcome.saved()) {
        redirect.addFlashAttribute("flash", "form.saved");
      } else {
        redirect.addFlashAttribute("formErrors", texts(outcome.problems(), locale));
      }
    } catch (EditConflictException conflict) {
      redirect.addFlashAttribute("formErrors", List.of(text("form.conflict", List.of(), locale)));
    }
    return "redirect:/series/" + seriesId + "/form" + anchor;
  }

  private interface Page {
    String show();
  }

  /** Saves a change typed in a form; problems go next to the fields they concern. */
  private String saveFromForm(
      long seriesId,
      FormDefinition next,
      int formVersion,
      BindingResult result,
      RedirectAttributes redirect,
      String anchor,
      Page again) {
    try {
      FormService.SaveOutcome outcome =
          formService.save(seriesId, next, formVersion, currentAccounts.get());
      if (outcome.saved()) {
        redirect.addFlashAttribute("flash", "form.saved");
        return "redirect:/series/" + seriesId + "/form" + anchor;
      }
      for (FormRules.Problem problem : outcome.problems()) {
        String property = property(problem.path(), result);
        Object[] args = problem.arguments().toArray();
        if (property == null) {
          result.reject(problem.messageKey(), args, problem.messageKey());
        } else {
          result.rejectValue(property, problem.messageKey(), args, problem.messageKey());
        }
      }
    } catch (EditConflictException conflict) {
      result.reject("form.conflict");
    }
    return again.show();
  }

  /** The form property a problem's path ends in, when the posted form has it. */
  private static String property(String path, BindingResult result) {
    String last = path.substring(path.lastIndexOf('.') + 1);
    if (!path.contains(".") || last.contains("[")) {
      return null;
    }
    return result.getFieldType(last) != null ? last : null;
  }

  private List<String> texts(List<FormRules.Problem> problems, Locale locale) {
    return problems.stream().map(p -> text(p.messageKey(), p.arguments(), locale)).toList();
  }

  private String text(String key, List<Object> args, Locale locale) {
    return messages.getMessage(key, args.toArray(), key, locale);
  }

  // ---------------------------------------------------------------- pages and access

  private String showSection(long seriesId, String key, SectionDefinitionForm form, Model model) {
    model.addAttribute("series", editable(seriesId));
    model.addAttribute("sectionKey", key);
    model.addAttribute("sectionDefinitionForm", form);
    return SECTION;
  }

  private String showField(long seriesId, String key, String name, FieldForm form, Model model) {
    model.addAttribute("series", editable(seriesId));
    model.addAttribute("sectionKey", key);
    model.addAttribute("fieldName", name);
    model.addAttribute("fieldForm", form);
    model.addAttribute("types", FieldType.values());
    model.addAttribute("form", formService.current(seriesId));
    return FIELD;
  }

  private CaseSeries editable(long seriesId) {
    CurrentAccount account = currentAccounts.get();
    if (!FormService.canEdit(account)) {
      throw new AccessDeniedException("Only coordinators and admins change a series' form");
    }
    return seriesService.visible(seriesId, account);
  }

  private SectionDefinition section(long seriesId, String key) {
    editable(seriesId);
    return formService.current(seriesId).section(key).orElseThrow(NotFoundException::new);
  }

  private FieldDefinition field(long seriesId, String name) {
    editable(seriesId);
    return formService.current(seriesId).field(name).orElseThrow(NotFoundException::new);
  }
}
