package org.caseregistry.cases.web;

import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.SignOff;
import org.caseregistry.cases.SignOffService;
import org.caseregistry.catalog.Section;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-off buttons of the case page. A refused step comes back to the case page with every
 * reason listed (e.g. the empty required sections and the open queries).
 */
@Controller
@RequestMapping("/cases/{caseId}/sign-off")
class SignOffController {

  private final SignOffService signOffs;
  private final MessageSource messages;

  SignOffController(SignOffService signOffs, MessageSource messages) {
    this.signOffs = signOffs;
    this.messages = messages;
  }

  @PostMapping("/complete")
  String complete(@PathVariable long caseId, RedirectAttributes redirect, CurrentAccount account) {
    return step(
        caseId, redirect, "signoff.done.complete", () -> signOffs.markComplete(caseId, account));
  }

  @PostMapping("/verify")
  String verify(@PathVariable long caseId, RedirectAttributes redirect, CurrentAccount account) {
    return step(
        caseId, redirect, "signoff.done.verify", () -> signOffs.markVerified(caseId, account));
  }

  @PostMapping("/reopen")
  String reopen(@PathVariable long caseId, RedirectAttributes redirect, CurrentAccount account) {
    return step(caseId, redirect, "signoff.done.reopen", () -> signOffs.reopen(caseId, account));
  }

  @PostMapping("/lock")
  String lock(@PathVariable long caseId, RedirectAttributes redirect, CurrentAccount account) {
    return step(caseId, redirect, "signoff.done.lock", () -> signOffs.lock(caseId, account));
  }

  @PostMapping("/unlock")
  String unlock(
      @PathVariable long caseId,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect,
      CurrentAccount account) {
    if (!CasePolicy.canUnlock(account)) {
      throw new AccessDeniedException("Admins only");
    }
    redirect.addFlashAttribute("unlockReason", reason);
    return step(
        caseId, redirect, "signoff.done.unlock", () -> signOffs.unlock(caseId, reason, account));
  }

  private String step(long caseId, RedirectAttributes redirect, String done, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("flash", done);
    } catch (SignOffService.RefusedException refused) {
      List<String> reasons =
          refused.reasons().stream()
              .map(
                  reason ->
                      messages.getMessage(
                          new DefaultMessageSourceResolvable(
                              new String[] {reason.messageKey()},
                              reason.arguments().stream().map(this::label).toArray(),
                              reason.messageKey()),
                          LocaleContextHolder.getLocale()))
              .toList();
      redirect.addFlashAttribute("signOffRefused", reasons);
    }
    return "redirect:/cases/" + caseId + "#sign-off";
  }

  /** Sections and states as words in the reader's language. */
  private Object label(Object argument) {
    if (argument instanceof Section section) {
      return new DefaultMessageSourceResolvable(section.messageKey());
    }
    if (argument instanceof SignOff state) {
      return new DefaultMessageSourceResolvable(state.messageKey());
    }
    return argument;
  }
}
