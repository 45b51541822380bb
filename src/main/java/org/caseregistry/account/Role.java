package org.caseregistry.account;

/** What an account may do. Enforced on the server for every request. */
public enum Role {
  /** Sites, accounts, and everything a coordinator and a surgeon may do. */
  ADMIN,
  /** Reads and exports the cases of its sites; fixes data quality. */
  COORDINATOR,
  /** Creates and edits the cases of its sites. */
  SURGEON;

  public String authority() {
    return "ROLE_" + name();
  }

  public String messageKey() {
    return "role." + name().toLowerCase();
  }
}
