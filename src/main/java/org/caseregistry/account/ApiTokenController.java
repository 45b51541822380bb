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
  private final CurrentAccounts currentAccounts;

  ApiTokenController(ApiTokenService tokens, CurrentAccounts currentAccounts) {
    this.tokens = tokens;
    this.currentAccounts = currentAccounts;
  }

  @InitBinder("apiTokenForm")
  void initBinder(WebDataBinder binder) {
    binder.setAllowedFields("name");
  }

  @GetMapping
  String list(Model model) {
    return show(new ApiTokenForm(), model);
  }

  @PostMapping
  String create(@Valid @ModelAttribute ApiTokenForm form, BindingResult result, Model model) {
    if (result.hasErrors()) {
      return show(form, model);
    }
    ApiTokenService.IssuedToken issued = tokens.create(currentAccounts.get().id(), form.getName());
    model.addAttribute("issuedToken", issued.secret());
    model.addAttribute("issuedName", issued.token().getName());
    return show(new ApiTokenForm(), model);
  }

  @PostMapping("/{tokenId}/revoke")
  String revoke(@PathVariable long tokenId, RedirectAttributes redirect) {
    tokens.revoke(currentAccounts.get().id(), tokenId);
    redirect.addFlashAttribute("flash", "token.revoked");
    return "redirect:/account/tokens";
  }

  private String show(ApiTokenForm form, Model model) {
    model.addAttribute("apiTokenForm", form);
    model.addAttribute("tokens", tokens.of(currentAccounts.get().id()));
    model.addAttribute("maxNameLength", ApiTokenService.MAX_NAME_LENGTH);
    return PAGE;
  }
}
