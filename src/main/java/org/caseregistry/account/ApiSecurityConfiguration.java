package org.caseregistry.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.caseregistry.platform.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The REST API under {@code /api/**}: personal bearer tokens only. No session, no cookie, no form
 * login, so no cross-site request forgery to guard against; every refusal is an RFC 9457 problem,
 * never a redirect or an HTML page. Checked before the pages' chain.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  static final String API_PATHS = "/api/**";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain apiSecurityFilterChain(
      HttpSecurity http, ApiTokenService tokens, AccountRepository accounts) throws Exception {
    AuthenticationEntryPoint entryPoint = ApiSecurityConfiguration::unauthorized;
    http.securityMatcher(API_PATHS)
        .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
        .csrf(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // A signed-in browser session means nothing here: only the bearer token counts.
        .securityContext(
            context ->
                context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(forbidden()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                    .addHeaderWriter(
                        new StaticHeadersWriter(
                            "Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY)))
        .addFilterBefore(
            new ApiTokenAuthenticationFilter(tokens, entryPoint),
            AnonymousAuthenticationFilter.class)
        .addFilterAfter(
            new CurrentAccountFilter(accounts, apiRefusals()), ApiTokenAuthenticationFilter.class);
    return http.build();
  }

  private static void unauthorized(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    boolean tokenRefused = exception instanceof BadCredentialsException;
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE,
        tokenRefused
            ? "Bearer realm=\"case-registry\", error=\"invalid_token\""
            : "Bearer realm=\"case-registry\"");
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNAUTHORIZED,
            tokenRefused
                ? "The API token is unknown or revoked, or its account is deactivated."
                : "Send a personal API token as 'Authorization: Bearer <token>'. Create one on"
                    + " the page /account/tokens.");
    ProblemResponses.write(request, response, problem);
  }

  private static AccessDeniedHandler forbidden() {
    return (request, response, exception) ->
        ProblemResponses.write(
            request,
            response,
            ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "Your account may not do this."));
  }

  private static CurrentAccountFilter.Refusals apiRefusals() {
    return new CurrentAccountFilter.Refusals() {
      @Override
      public void signedOut(HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        unauthorized(
            request, response, new BadCredentialsException("Account deactivated or changed"));
      }

      @Override
      public void passwordMustChange(HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        ProblemResponses.write(
            request,
            response,
            ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN,
                "The account must change its password: sign in to the registry first."));
      }

      @Override
      public boolean allowedWhilePasswordMustChange(String path) {
        return false;
      }
    };
  }
}
