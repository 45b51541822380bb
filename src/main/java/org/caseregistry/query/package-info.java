/**
 * Cleaning a series' data together: field queries and confirmed warnings. A coordinator (or admin)
 * asks about a field, a section or a whole case, optionally proposing a value; the surgeons of the
 * case's site answer and may correct the value from the query (saved by the normal section save of
 * {@code cases}, its audit entries linked to the query); the coordinator closes or re-opens it
 * (open → answered → closed, re-openable). Every step is an event (who, when, text, value before
 * and after) and also a line in the case's audit trail. Queries are raised one by one or in bulk
 * for every case with a given warning (never twice while one is open). A warning confirmed as
 * correct, with a reason, stays in the audit trail and the dataset but no longer counts as open.
 * Fields are addressed by variable name, section slug and optional list item, so that queries work
 * for any variable a series defines. Depends on {@code cases} and {@code series}; open queries
 * block a case's completion through {@code cases}' {@code CompletionBlockers}. The worklist, the
 * navigation badge (one count statement) and the metrics (open per site, median days to answer,
 * oldest open) are here; the REST API over it is in {@code api}.
 */
package org.caseregistry.query;
