package org.caseregistry.cases;

/**
 * What an entry of a case's audit trail records. The constant's name is what the {@code
 * case_audit.action} column stores (existing rows keep their meaning), and the history page shows
 * it through {@link #messageKey()}.
 */
public enum AuditAction {
  /** The case was registered. */
  CREATE,
  /** A field of a section, or of the case's header, changed. */
  UPDATE,
  /** An item of a repeating section was added. */
  ADD_ITEM,
  /** An item of a repeating section was removed. */
  DELETE_ITEM,
  WITHDRAW,
  RESTORE,
  /** The case was deleted permanently (the entry outlives it). */
  DELETE,
  /** The case was created by an import. */
  IMPORT,
  /** A custom calculated field was recomputed. */
  CALCULATE,
  QUERY_OPEN,
  QUERY_ANSWER,
  QUERY_CLOSE,
  QUERY_REOPEN,
  /** A coordinator confirmed that a warning's value is correct. */
  WARNING_CONFIRM,
  SIGN_OFF,
  UNLOCK;

  /** The message key under which the history page names this action. */
  public String messageKey() {
    return "history.action." + name();
  }
}
