package org.caseregistry.account;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Gives any feature the account behind the current request, as loaded once by the filter. */
@Component
public class CurrentAccounts {

  static final String ATTRIBUTE = CurrentAccount.class.getName();

  /** The signed-in account; fails if called outside an authenticated request. */
  public CurrentAccount get() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    Object account =
        attributes == null
            ? null
            : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (account == null) {
      throw new IllegalStateException("No signed-in account for this request");
    }
    return (CurrentAccount) account;
  }
}
