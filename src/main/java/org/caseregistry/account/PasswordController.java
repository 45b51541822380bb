package org.caseregistry.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every account changes its own password here; a forced change lands here too. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

  private static final String FORM = "account/password";

  private final AccountService accountService;
  private final CurrentAccounts currentAccounts;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  PasswordController(AccountService accountService, CurrentAccounts currentAccounts) {
    this.accountService = accountService;
    this.currentAccounts = currentAccounts;
  }

  @GetMapping
  String form(Model model) {
    model.addAttribute("passwordChangeForm", new PasswordChangeForm());
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    return FORM;
  }

  @PostMapping
  String change(
      @Valid @ModelAttribute PasswordChangeForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      HttpServletRequest request,
      HttpServletResponse response) {
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    int epoch = 0;
    if (!result.hasErrors()) {
      epoch = accountService.changeOwnPassword(currentAccounts.get().id(), form, result);
    }
    if (result.hasErrors()) {
      // Never echo passwords back into the page.
      form.setCurrentPassword(null);
      form.setNewPassword(null);
      form.setConfirmPassword(null);
      return FORM;
    }
    continueSession(epoch, request, response);
    redirect.addFlashAttribute("flash", "password.changed.others-signed-out");
    return "redirect:/";
  }

  /**
   * Every session of the account is now of an old epoch and ends at its next request; this one goes
   * on in the new epoch, under a new session id.
   */
  private void continueSession(
      int epoch, HttpServletRequest request, HttpServletResponse response) {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    if (current == null || !(current.getPrincipal() instanceof SignedInAccount signedIn)) {
      return;
    }
    SignedInAccount renewed = signedIn.inEpoch(epoch);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
    SecurityContextHolder.setContext(context);
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    contexts.saveContext(context, request, response);
  }
}
