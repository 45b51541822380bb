package org.caseregistry.account;

import jakarta.servlet.http.HttpServletRequest;
import org.caseregistry.platform.StaticAssets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in, sessions, headers, and the one role rule by URL: {@code /admin/**} is for admins. Every
 * other rule is asked by the services, which know the record (its site, its state): {@code
 * CasePolicy}, {@code SeriesService.canManage}, {@code ReportAccess}, {@code QueryService}. Method
 * security ({@code @EnableMethodSecurity}) is not switched on: no {@code @PreAuthorize} would add a
 * check these two places lack, and an annotation on some methods would read as if the others were
 * unguarded.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String LAST_USERNAME = "registry.lastUsername";

  private static final String[] PUBLIC_RESOURCES = {
    "/webjars/**",
    "/css/**",
    "/js/**",
    "/images/**",
    "/favicon.ico",
    "/actuator/health/**",
    "/actuator/health"
  };

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none';"
          + " form-action 'self'; base-uri 'self'";

  /**
   * The Swagger UI (served from its webjar) sets inline styles, so its pages allow those, and
   * nothing else more than the other pages.
   */
  private static final String API_DOCUMENTATION_CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src"
          + " 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

  /** No page needs the camera, microphone, location or other device features: none may use them. */
  static final String PERMISSIONS_POLICY =
      "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(),"
          + " magnetometer=(), microphone=(), payment=(), usb=()";

  private static final RequestMatcher API_DOCUMENTATION_PAGE =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
          PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

  static boolean isPublicResource(String path) {
    return StaticAssets.isAsset(path) || path.startsWith("/actuator/health");
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, AccountRepository accounts)
      throws Exception {
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(PUBLIC_RESOURCES)
                    .permitAll()
                    .requestMatchers("/login", "/error")
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole(Role.ADMIN.name())
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .failureHandler(signInFailureHandler())
                    .defaultSuccessUrl("/", false)
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(API_DOCUMENTATION_PAGE),
                            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                    .addHeaderWriter(
                        new DelegatingRequestMatcherHeaderWriter(
                            API_DOCUMENTATION_PAGE,
                            new ContentSecurityPolicyHeaderWriter(
                                API_DOCUMENTATION_CONTENT_SECURITY_POLICY)))
                    .addHeaderWriter(
                        new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .addFilterAfter(CurrentAccountFilter.forPages(accounts), SecurityContextHolderFilter.class);
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * One answer for every failed sign-in (unknown username, wrong password, deactivated account,
   * throttled client), so that the page never tells which usernames exist; the username is kept.
   */
  private static AuthenticationFailureHandler signInFailureHandler() {
    return (request, response, exception) -> {
      rememberUsername(request);
      response.sendRedirect(request.getContextPath() + "/login?error=bad-credentials");
    };
  }

  private static void rememberUsername(HttpServletRequest request) {
    String username = request.getParameter("username");
    if (username != null && username.length() <= 50) {
      request.getSession().setAttribute(LAST_USERNAME, username);
    }
  }
}
