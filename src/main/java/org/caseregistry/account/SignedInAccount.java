package org.caseregistry.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in the session. It holds the account id only for identity; role, sites and the
 * active flag are read afresh on every request (see {@link CurrentAccountFilter}).
 */
public record SignedInAccount(
    long id, String username, Role role, String passwordHash, boolean active, boolean locked)
    implements UserDetails {

  @Serial private static final long serialVersionUID = 1L;

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
  public boolean isAccountNonLocked() {
    return !locked;
  }

  @Override
  public boolean isEnabled() {
    return active;
  }
}
