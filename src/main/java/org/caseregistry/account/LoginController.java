package org.caseregistry.account;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

  private final SignInThrottle throttle;

  LoginController(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @GetMapping("/login")
  String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
    if (error != null) {
      String reason =
          switch (error) {
            case "locked", "disabled" -> error;
            default -> "bad-credentials";
          };
      model.addAttribute("errorKey", "login.error." + reason);
      model.addAttribute("lockMinutes", throttle.lockDuration().toMinutes());
      model.addAttribute("username", session.getAttribute(SecurityConfiguration.LAST_USERNAME));
    }
    return "login";
  }
}
