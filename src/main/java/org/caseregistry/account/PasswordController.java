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
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  private final AccountRepository accounts;

  PasswordController(AccountService accountService, AccountRepository accounts) {
    this.accountService = accountService;
    this.accounts = accounts;
  }

  @GetMapping
  String form(Model model, CurrentAccount account) {
    model.addAttribute("passwordChangeForm", new PasswordChangeForm());
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    addWhy(model, account);
    return FORM;
  }

  /** Says why the page appears when the password must be changed (a one-time password). */
  private void addWhy(Model model, CurrentAccount account) {
    model.addAttribute(
        "mustChange",
        accounts.findById(account.id()).map(Account::isMustChangePassword).orElse(false));
  }

  @PostMapping
  String change(
      @Valid @ModelAttribute PasswordChangeForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      HttpServletRequest request,
      HttpServletResponse response,
      CurrentAccount account) {
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    int epoch = 0;
    addWhy(model, account);
    if (!result.hasErrors()) {
      epoch = accountService.changeOwnPassword(account.id(), form, result);
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
