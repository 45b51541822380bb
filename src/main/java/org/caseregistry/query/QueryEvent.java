package org.caseregistry.query;

import java.time.Instant;

/**
 * One step of a query's thread.
 *
 * @param oldValue for a correction, the value before (as a form shows it)
 * @param newValue for a correction, the value after; when opening, the proposed value
 */
public record QueryEvent(
    long id,
    long queryId,
    QueryAction action,
    String message,
    String oldValue,
    String newValue,
    String username,
    Instant at) {}
