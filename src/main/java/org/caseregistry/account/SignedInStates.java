package org.caseregistry.account;

import java.util.Optional;
import java.util.Set;

/**
 * What every request needs to know about its signed-in account (active, role, must it change its
 * password, its sites), read with one plain SQL statement rather than by loading the entity and its
 * sites through JPA: it runs on every request of every instance.
 */
interface SignedInStates {

  /** The account as it is now, or empty when it no longer exists. */
  record State(
      long id,
      String username,
      String fullName,
      Role role,
      boolean active,
      boolean mustChangePassword,
      Set<Long> siteIds,
      int sessionEpoch) {}

  Optional<State> signedInState(long accountId);
}
