package org.caseregistry.account;

import jakarta.validation.Valid;
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

  private final AccountRepository accounts;

  PasswordController(
      AccountService accountService, CurrentAccounts currentAccounts, AccountRepository accounts) {
    this.accountService = accountService;
    this.currentAccounts = currentAccounts;
    this.accounts = accounts;
  }

  @GetMapping
  String form(Model model) {
    model.addAttribute("passwordChangeForm", new PasswordChangeForm());
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    addWhy(model);
    return FORM;
  }

  /** Says why the page appears when the password must be changed (a one-time password). */
  private void addWhy(Model model) {
    model.addAttribute(
        "mustChange",
        accounts
            .findById(currentAccounts.get().id())
            .map(Account::isMustChangePassword)
            .orElse(false));
  }

  @PostMapping
  String change(
      @Valid @ModelAttribute PasswordChangeForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect) {
    model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
    addWhy(model);
    if (!result.hasErrors()) {
      accountService.changeOwnPassword(currentAccounts.get().id(), form, result);
    }
    if (result.hasErrors()) {
      // Never echo passwords back into the page.
      form.setCurrentPassword(null);
      form.setNewPassword(null);
      form.setConfirmPassword(null);
      return FORM;
    }
    redirect.addFlashAttribute("flash", "password.changed");
    return "redirect:/";
  }
}
