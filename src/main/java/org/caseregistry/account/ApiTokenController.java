package org.caseregistry.account;

import jakarta.validation.Valid;
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

/**
 * Every account's own API tokens: create one (shown once, in the answer to the creating request,
 * and kept nowhere in clear text, not even in the session), see when each was last used, revoke.
 */
@Controller
@RequestMapping("/account/tokens")
class ApiTokenController {

  private static final String PAGE = "account/tokens";

  private final ApiTokenService tokens;

  ApiTokenController(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @InitBinder("apiTokenForm")
  void initBinder(WebDataBinder binder) {
    binder.setAllowedFields("name");
  }

  @GetMapping
  String list(Model model, CurrentAccount account) {
    return show(new ApiTokenForm(), model, account);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute ApiTokenForm form,
      BindingResult result,
      Model model,
      CurrentAccount account) {
    if (result.hasErrors()) {
      return show(form, model, account);
    }
    ApiTokenService.IssuedToken issued = tokens.create(account.id(), form.getName());
    model.addAttribute("issuedToken", issued.secret());
    model.addAttribute("issuedName", issued.token().getName());
    return show(new ApiTokenForm(), model, account);
  }

  @PostMapping("/{tokenId}/revoke")
  String revoke(@PathVariable long tokenId, RedirectAttributes redirect, CurrentAccount account) {
    tokens.revoke(account.id(), tokenId);
    redirect.addFlashAttribute("flash", "token.revoked");
    return "redirect:/account/tokens";
  }

  private String show(ApiTokenForm form, Model model, CurrentAccount account) {
    model.addAttribute("apiTokenForm", form);
    model.addAttribute("tokens", tokens.of(account.id()));
    model.addAttribute("maxNameLength", ApiTokenService.MAX_NAME_LENGTH);
    return PAGE;
  }
}
