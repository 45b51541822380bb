package org.caseregistry.account;

import jakarta.validation.Valid;
import org.caseregistry.platform.FormSaves;
import org.caseregistry.site.SiteService;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

  private static final String FORM = "admin/accounts/form";

  private final AccountService accountService;
  private final SiteService siteService;

  AccountAdminController(AccountService accountService, SiteService siteService) {
    this.accountService = accountService;
    this.siteService = siteService;
  }

  @InitBinder("accountForm")
  void initBinder(WebDataBinder binder) {
    binder.setAllowedFields(
        "username", "fullName", "email", "role", "siteIds", "active", "version");
  }

  @ModelAttribute
  void formChoices(Model model) {
    model.addAttribute("roles", Role.values());
    model.addAttribute("allSites", siteService.all());
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("accounts", accountService.all());
    return "admin/accounts/list";
  }

  @GetMapping("/new")
  String newForm(Model model) {
    model.addAttribute("accountForm", new AccountForm());
    return FORM;
  }

  @PostMapping("/new")
  String create(
      @Valid @ModelAttribute("accountForm") AccountForm form,
      BindingResult result,
      RedirectAttributes redirect) {
    if (result.hasErrors()) {
      return FORM;
    }
    AccountService.IssuedPassword issued = accountService.create(form, result);
    if (issued == null) {
      return FORM;
    }
    return showIssued(issued, redirect);
  }

  @GetMapping("/{id}")
  String editForm(@PathVariable long id, Model model) {
    Account account = accountService.get(id);
    model.addAttribute("account", account);
    model.addAttribute("accountForm", AccountForm.of(account));
    return FORM;
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("accountForm") AccountForm form,
      BindingResult result,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount current) {
    model.addAttribute("account", accountService.get(id));
    if (!FormSaves.saved(result, () -> accountService.update(id, form, current.id(), result))) {
      return FORM;
    }
    redirect.addFlashAttribute("flash", "account.saved");
    return "redirect:/admin/accounts";
  }

  @PostMapping("/{id}/reset-password")
  String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
    return showIssued(accountService.resetPassword(id), redirect);
  }

  /** Back to the list, which shows the one-time password once. */
  private static String showIssued(
      AccountService.IssuedPassword issued, RedirectAttributes redirect) {
    redirect.addFlashAttribute("issuedUsername", issued.account().getUsername());
    redirect.addFlashAttribute("issuedPassword", issued.temporaryPassword());
    return "redirect:/admin/accounts";
  }
}
