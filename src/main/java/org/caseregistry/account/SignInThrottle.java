package org.caseregistry.account;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after repeated wrong passwords, so that passwords cannot be guessed
 * at speed. The lock is shown to the user with how long it lasts.
 */
@Component
class SignInThrottle {

  private final AccountRepository accounts;
  private final Clock clock;
  private final int maxFailedAttempts;
  private final Duration lockDuration;

  SignInThrottle(
      AccountRepository accounts,
      Clock clock,
      @Value("${registry.security.max-failed-attempts:5}") int maxFailedAttempts,
      @Value("${registry.security.lock-duration:15m}") Duration lockDuration) {
    this.accounts = accounts;
    this.clock = clock;
    this.maxFailedAttempts = maxFailedAttempts;
    this.lockDuration = lockDuration;
  }

  Duration lockDuration() {
    return lockDuration;
  }

  @EventListener
  @Transactional
  public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
    accounts.recordFailedSignIn(
        event.getAuthentication().getName(), maxFailedAttempts, clock.instant().plus(lockDuration));
  }

  @EventListener
  @Transactional
  public void onSuccess(AuthenticationSuccessEvent event) {
    accounts.recordSuccessfulSignIn(event.getAuthentication().getName());
  }
}
