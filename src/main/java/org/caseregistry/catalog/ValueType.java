package org.caseregistry.catalog;

/** How a variable's value is typed, stored and entered. */
public enum ValueType {
  /** One of a fixed list of codes (stored as the code). */
  CODE,
  INTEGER,
  DECIMAL,
  /** ISO date. */
  DATE,
  TEXT
}
