package org.caseregistry.cases;

import java.time.Instant;

/** A case's sign-off state, and who set it when (null while never signed off). */
public record CaseSignOff(SignOff state, Instant at, String by) {

  public static final CaseSignOff NONE = new CaseSignOff(SignOff.OPEN, null, null);

  public boolean locked() {
    return state == SignOff.LOCKED;
  }
}
