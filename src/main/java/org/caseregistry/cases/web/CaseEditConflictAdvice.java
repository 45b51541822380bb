package org.caseregistry.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.LanguageLinksAdvice;
import org.springframework.core.MethodParameter;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The edit conflict of the case pages, answered in one place: the services throw {@link
 * EditConflictException} when a save or removal was made against a version someone else has since
 * replaced (nothing is written), and the page's controller, an {@link EditConflictPage}, shows the
 * page again with the posted form; a removal goes back to the case with the message {@code
 * edit.conflict}.
 */
@ControllerAdvice(
    assignableTypes = {
      CaseController.class,
      SectionController.class,
      SectionsController.class,
      CustomSectionController.class
    })
class CaseEditConflictAdvice {

  @ExceptionHandler(EditConflictException.class)
  String conflict(
      EditConflictException conflict,
      HandlerMethod handler,
      HttpServletRequest request,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    if (!(handler.getBean() instanceof EditConflictPage page)) {
      throw conflict;
    }
    Object form =
        StaleEdit.posted(
            request,
            Arrays.stream(handler.getMethodParameters())
                .map(MethodParameter::getParameterType)
                .toArray(Class<?>[]::new));
    StaleEdit edit = new StaleEdit(pathVariables(request), request, form, account);
    if (edit.isRemoval()) {
      redirect.addFlashAttribute("flash", "edit.conflict");
      return "redirect:" + page.afterStaleRemoval(edit);
    }
    // What the controller advice's @ModelAttribute methods give every other page.
    model.addAttribute("currentAccount", account);
    model.addAttribute(
        LanguageLinksAdvice.ATTRIBUTE, LanguageLinksAdvice.queryWithoutLang(request));
    return page.afterStaleSave(edit, model);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> pathVariables(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    return variables == null ? Map.of() : (Map<String, String>) variables;
  }
}
