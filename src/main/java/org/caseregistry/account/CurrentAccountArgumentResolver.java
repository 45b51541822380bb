package org.caseregistry.account;

import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands a handler (and an exception handler) the signed-in account as a plain parameter, {@code
 * CurrentAccount account}, as {@link CurrentAccountFilter} loaded it for this request: no handler
 * asks {@link CurrentAccounts} for it. Outside an authenticated request it fails as {@link
 * CurrentAccounts#get()} does; security lets no such request reach a handler that takes one.
 */
@Component
class CurrentAccountArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

  private final CurrentAccounts currentAccounts;

  CurrentAccountArgumentResolver(CurrentAccounts currentAccounts) {
    this.currentAccounts = currentAccounts;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == CurrentAccount.class;
  }

  @Override
  public CurrentAccount resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer container,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    return currentAccounts.get();
  }
}
