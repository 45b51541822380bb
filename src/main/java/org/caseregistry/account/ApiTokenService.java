package org.caseregistry.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.caseregistry.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code crg_} followed by 32 random bytes, URL-safe Base64. The token is
 * returned once, at creation; the registry keeps only its SHA-256 hash, so a stolen database yields
 * no usable token. Revocation and deactivation of the account take effect at once.
 */
@Service
public class ApiTokenService {

  public static final String PREFIX = "crg_";
  public static final int MAX_NAME_LENGTH = 100;

  private static final int RANDOM_BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("crg_[A-Za-z0-9_-]{43}");
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private final ApiTokenRepository tokens;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiTokenService(ApiTokenRepository tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /** A new token and its only appearance in clear text. */
  public record IssuedToken(ApiToken token, String secret) {}

  @Transactional
  public IssuedToken create(long accountId, String name) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiToken token = new ApiToken(accountId, name.strip(), hash(secret), clock.instant());
    return new IssuedToken(tokens.saveAndFlush(token), secret);
  }

  @Transactional(readOnly = true)
  public List<ApiToken> of(long accountId) {
    return tokens.findByAccount(accountId);
  }

  /** Revokes one of the account's own tokens; another account's token answers 404. */
  @Transactional
  public void revoke(long accountId, long tokenId) {
    tokens.findOwn(tokenId, accountId).orElseThrow(NotFoundException::new).revoke(clock.instant());
  }

  /**
   * The account a presented token speaks for, if the token exists, is not revoked and its account
   * is active; records when it was last used.
   */
  @Transactional
  Optional<ApiTokenHolder> authenticate(String presented) {
    if (presented == null || !FORMAT.matcher(presented).matches()) {
      return Optional.empty();
    }
    Optional<ApiTokenHolder> holder = tokens.findHolder(hash(presented));
    holder.ifPresent(
        found -> {
          Instant now = clock.instant();
          tokens.recordUse(found.tokenId(), now, now.minus(LAST_USED_PRECISION));
        });
    return holder;
  }

  static String hash(String secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
    }
  }
}
