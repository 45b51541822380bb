package org.caseregistry.account;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

  /** Whatever went wrong, one message: it must not tell which usernames exist. */
  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
    if (error != null) {
      model.addAttribute("errorKey", "login.error.bad-credentials");
      model.addAttribute("username", session.getAttribute(SecurityConfiguration.LAST_USERNAME));
    }
    return "login";
  }
}
