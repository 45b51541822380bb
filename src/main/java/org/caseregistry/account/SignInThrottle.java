package org.caseregistry.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing without letting anyone lock anybody out. Attempts are counted per client
 * address <em>and</em> username together: a client has a few free attempts on a username, then must
 * wait before each further one, the wait doubling with every attempt (1, 2, 4 … minutes, at most an
 * hour). The right password from any other address is never held up, so failures from an attacker
 * cannot keep the owner out. A right password ends the count of its pair; a pair quiet for a day
 * starts afresh.
 *
 * <p>An attempt is counted <em>before</em> its password is checked, in one atomic statement, so a
 * burst of parallel guesses gets no more checks than sequential ones. The counts live in
 * PostgreSQL, shared by every instance of the application.
 */
@Component
class SignInThrottle {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int freeAttempts;
  private final Duration firstDelay;
  private final Duration maxDelay;
  private final Duration forgetAfter;

  SignInThrottle(JdbcClient jdbc, Clock clock, SignInThrottleProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.freeAttempts = properties.freeAttempts();
    this.firstDelay = properties.firstDelay();
    this.maxDelay = properties.maxDelay();
    this.forgetAfter = properties.forgetAfter();
  }

  /**
   * Counts an attempt of this client on this username and says whether its password may be checked:
   * false while the pair must wait (that attempt is not counted).
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean admit(String clientAddress, String username) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    dropForgotten(now);
    // attempts after this one: 1 after a quiet day, else one more than before
    String next = "case when t.last_attempt_at < :forget then 1 else t.attempts + 1 end";
    return jdbc.sql(
            "insert into sign_in_throttle as t"
                + " (client_address, username, attempts, last_attempt_at, blocked_until)"
                + " values (:client, :username, 1, :now, case when 1 >= :free then :now"
                + " + make_interval(secs => :first) end)"
                + " on conflict (client_address, username) do update set attempts = "
                + next
                + ", last_attempt_at = :now, blocked_until = case when "
                + next
                + " >= :free then :now + make_interval(secs => least(:max, :first * power(2, "
                + next
                + " - :free))) end"
                + " where t.blocked_until is null or t.blocked_until <= :now"
                + " returning attempts")
        .param("client", client(clientAddress))
        .param("username", key(username))
        .param("now", now)
        .param("forget", now.minus(forgetAfter))
        .param("free", freeAttempts)
        .param("first", (double) firstDelay.toSeconds())
        .param("max", (double) maxDelay.toSeconds())
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  /** The right password: this client's count on this username ends. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void succeeded(String clientAddress, String username) {
    jdbc.sql("delete from sign_in_throttle where client_address = :client and username = :username")
        .param("client", client(clientAddress))
        .param("username", key(username))
        .update();
  }

  /** An administrator set a new password: every client may try this username afresh. */
  @Transactional
  public void forget(String username) {
    jdbc.sql("delete from sign_in_throttle where username = :username")
        .param("username", key(username))
        .update();
  }

  /**
   * Pairs quiet for longer than they are remembered are dropped a hundred at a time with every
   * attempt, so the table stays as small as the last day's attempts.
   */
  private void dropForgotten(OffsetDateTime now) {
    jdbc.sql(
            "delete from sign_in_throttle where ctid in (select ctid from sign_in_throttle"
                + " where last_attempt_at < :forget and (blocked_until is null or blocked_until"
                + " < :now) limit 100)")
        .param("forget", now.minus(forgetAfter))
        .param("now", now)
        .update();
  }

  private static String client(String address) {
    String client = address == null || address.isBlank() ? "unknown" : storable(address.strip());
    return client.length() > 64 ? client.substring(0, 64) : client;
  }

  private static String key(String username) {
    String key = username == null ? "" : storable(username.strip().toLowerCase(Locale.ROOT));
    return key.length() > 100 ? key.substring(0, 100) : key;
  }

  /** Whatever a client sends as username is counted; PostgreSQL cannot store NUL. */
  private static String storable(String text) {
    return text.replace('\u0000', '\uFFFD');
  }
}
