package org.caseregistry.cases;

/**
 * Where a case stands in its sign-off: open (being entered), complete (the surgeon says so),
 * verified (the coordinator checked it against the source documents), locked (read-only for
 * everyone until an admin unlocks it with a reason).
 */
public enum SignOff {
  OPEN,
  COMPLETE,
  VERIFIED,
  LOCKED;

  public String messageKey() {
    return "signoff.state." + name();
  }

  /** A query parameter of the case list or a report, or null for "any". */
  public static SignOff fromParameter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (SignOff state : values()) {
      if (state.name().equalsIgnoreCase(value.strip())) {
        return state;
      }
    }
    return null;
  }
}
