package org.caseregistry.query;

/**
 * A step of a query's thread. The constant's name is what {@code field_query_event.action} stores;
 * the thread shows it through {@link #messageKey()}. The case's audit trail records these steps as
 * {@code AuditAction.QUERY_*} (a correction as the field's own change).
 */
public enum QueryAction {
  OPEN,
  ANSWER,
  CORRECT,
  CLOSE,
  REOPEN;

  /** The message key under which a query's thread names this step. */
  public String messageKey() {
    return "query.action." + name();
  }
}
