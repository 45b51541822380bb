package org.caseregistry.series.editor;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormRules;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.series.FormService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the form editor saves a change and answers: back to the editor with "saved", or with the
 * problems that refused it, as messages above the editor (a button) or next to the fields they
 * concern (a form that was typed, shown again as typed).
 */
@Component
class FormEditorSaves {

  private final FormService formService;
  private final MessageSource messages;

  FormEditorSaves(FormService formService, MessageSource messages) {
    this.formService = formService;
    this.messages = messages;
  }

  /** Saves a change made by a button; refusals come back as messages above the editor. */
  String saveAndReturn(
      long seriesId,
      FormDefinition next,
      int formVersion,
      RedirectAttributes redirect,
      Locale locale,
      String anchor,
      CurrentAccount account) {
    try {
      FormService.SaveOutcome outcome = formService.save(seriesId, next, formVersion, account);
      if (outcome.saved()) {
        redirect.addFlashAttribute("flash", "form.saved");
      } else {
        redirect.addFlashAttribute("formErrors", texts(outcome.problems(), locale));
      }
    } catch (EditConflictException conflict) {
      redirect.addFlashAttribute("formErrors", List.of(text("form.conflict", List.of(), locale)));
    }
    return editor(seriesId, anchor);
  }

  /** A row's button: its action done to the current form and saved, as {@link #saveAndReturn}. */
  String saveRowAction(
      long seriesId,
      String action,
      RowAction.Row row,
      int formVersion,
      RedirectAttributes redirect,
      Locale locale,
      String anchor,
      CurrentAccount account) {
    FormDefinition next = RowAction.named(action).apply(formService.current(seriesId), row);
    return saveAndReturn(seriesId, next, formVersion, redirect, locale, anchor, account);
  }

  /** Saves a change typed in a form; problems go next to the fields they concern. */
  String saveFromForm(
      long seriesId,
      FormDefinition next,
      int formVersion,
      BindingResult result,
      RedirectAttributes redirect,
      String anchor,
      Supplier<String> again,
      CurrentAccount account) {
    try {
      FormService.SaveOutcome outcome = formService.save(seriesId, next, formVersion, account);
      if (outcome.saved()) {
        redirect.addFlashAttribute("flash", "form.saved");
        return editor(seriesId, anchor);
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
    return again.get();
  }

  private static String editor(long seriesId, String anchor) {
    return "redirect:/series/" + seriesId + "/form" + anchor;
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
}
