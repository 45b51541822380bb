package org.caseregistry.cases;

import org.springframework.security.access.AccessDeniedException;

/**
 * A change refused because the case is locked: read-only for everyone (forms, API, import) until an
 * admin unlocks it with a reason. A 403 for the pages and the API alike.
 */
public class CaseLockedException extends AccessDeniedException {

  public CaseLockedException() {
    super("The case is locked: read-only until an admin unlocks it");
  }
}
