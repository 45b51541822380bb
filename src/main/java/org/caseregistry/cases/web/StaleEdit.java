package org.caseregistry.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * A save or removal on a case page that someone else's save made stale, as {@link
 * CaseEditConflictAdvice} hands it to the page's controller: the request's path variables and
 * parameters, and the form exactly as it was bound and posted (null for a removal, which posts no
 * form), so that nothing typed is lost.
 */
record StaleEdit(
    Map<String, String> pathVariables,
    HttpServletRequest request,
    Object form,
    CurrentAccount account) {

  private static final String POSTED_FORM = StaleEdit.class.getName() + ".form";

  /**
   * The empty form a save binds into, kept in the request for the conflict page; a controller's
   * {@code @ModelAttribute} method returns it, so the handler's bound form is this very object.
   */
  static <T> T keep(HttpServletRequest request, T form) {
    request.setAttribute(POSTED_FORM, form);
    return form;
  }

  /** The kept form, if the request was a save that binds one of this type. */
  static Object posted(HttpServletRequest request, Class<?>[] boundTypes) {
    Object form = request.getAttribute(POSTED_FORM);
    for (Class<?> type : boundTypes) {
      if (type.isInstance(form)) {
        return form;
      }
    }
    return null;
  }

  boolean isRemoval() {
    return form == null;
  }

  long caseId() {
    return Long.parseLong(pathVariables.get("caseId"));
  }

  String path(String name) {
    return pathVariables.get(name);
  }

  /** The list item saved; null for a single section or a new item. */
  Long itemId() {
    String itemId = pathVariables.get("itemId");
    return itemId == null ? null : Long.valueOf(itemId);
  }

  String param(String name) {
    return request.getParameter(name);
  }

  <T> T form(Class<T> type) {
    return type.cast(form);
  }

  /**
   * The binding result of the page, holding the conflict as a global error, in the model under the
   * form's name (the handler's own result is not there for an exception handler).
   */
  BindingResult rejected(String formName, String messageKey, Model model) {
    BindingResult result = new BeanPropertyBindingResult(form, formName);
    result.reject(messageKey);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + formName, result);
    return result;
  }
}
