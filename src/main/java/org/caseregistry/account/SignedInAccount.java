package org.caseregistry.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in the session. It holds the account id only for identity; role, sites and the
 * active flag are read afresh on every request (see {@link CurrentAccountFilter}). {@code
 * sessionEpoch} is the account's epoch when the session began: a session of an older epoch (the
 * password changed since) is signed out. API tokens carry {@link #NO_SESSION}.
 */
public record SignedInAccount(
    long id, String username, Role role, String passwordHash, boolean active, int sessionEpoch)
    implements UserDetails {

  @Serial private static final long serialVersionUID = 2L;

  /** The epoch of a principal that is no session (an API token). */
  public static final int NO_SESSION = -1;

  /** The same principal, for a session that continues into a new epoch. */
  SignedInAccount inEpoch(int epoch) {
    return new SignedInAccount(id, username, role, passwordHash, active, epoch);
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(role.authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return active;
  }
}
