package org.caseregistry.query;

/** Open (waiting for the site), answered (waiting for the coordinator), closed (accepted). */
public enum QueryState {
  OPEN,
  ANSWERED,
  CLOSED;

  public String messageKey() {
    return "query.state." + name();
  }
}
