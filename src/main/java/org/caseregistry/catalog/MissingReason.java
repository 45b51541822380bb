package org.caseregistry.catalog;

/**
 * Why a value that is not a code is absent. A blank without a reason means "not yet entered"; coded
 * variables carry UNKNOWN and NOT_APPLICABLE among their codes instead.
 */
public enum MissingReason {
  UNKNOWN,
  NOT_APPLICABLE;

  public String messageKey() {
    return "missing." + name().toLowerCase();
  }
}
