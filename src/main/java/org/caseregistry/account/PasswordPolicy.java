package org.caseregistry.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/** Password rules, and temporary passwords that are hard to guess but easy to type. */
final class PasswordPolicy {

  static final int MIN_LENGTH = 12;

  /** BCrypt reads at most 72 bytes; longer passwords would be silently truncated. */
  static final int MAX_BYTES = 72;

  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordPolicy() {}

  /** The message key of the first rule the password breaks, if any. */
  static Optional<String> violation(String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("password.too-short");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("password.too-long");
    }
    if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
      return Optional.of("password.contains-username");
    }
    if (password.chars().distinct().count() < 5) {
      return Optional.of("password.too-simple");
    }
    return Optional.empty();
  }

  static String temporaryPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        password.append('-');
      }
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
