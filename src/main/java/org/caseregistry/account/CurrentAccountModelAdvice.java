package org.caseregistry.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the signed-in account available to every page (navigation, site names). */
@ControllerAdvice
class CurrentAccountModelAdvice {

  @ModelAttribute("currentAccount")
  CurrentAccount currentAccount(HttpServletRequest request) {
    return (CurrentAccount) request.getAttribute(CurrentAccounts.ATTRIBUTE);
  }
}
