package org.caseregistry.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-in with a username and password, throttled: the attempt is counted by {@link SignInThrottle}
 * before the password is checked, and a client that must wait is refused without a check, with the
 * same answer as a wrong password.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;
  private final SignInThrottle throttle;

  ThrottledSignIn(
      AccountUserDetailsService users, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
    this.passwords = new DaoAuthenticationProvider(users);
    this.passwords.setPasswordEncoder(passwordEncoder);
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String client =
        attempt.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : null;
    String username = attempt.getName();
    if (!throttle.admit(client, username)) {
      throw new BadCredentialsException("Too many attempts from this client for this username");
    }
    Authentication signedIn = passwords.authenticate(attempt);
    throttle.succeeded(client, username);
    return signedIn;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
