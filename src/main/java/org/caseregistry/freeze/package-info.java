/**
 * Frozen datasets for a paper: a coordinator (or admin) freezes a series' dataset under a name; the
 * registry stores the export files as they are at that moment (the de-identified dataset ZIP with
 * its analysis scripts, the per-patient and summary tables as CSV, taken by {@code report}'s {@code
 * ReportSnapshot}), the list of cases they cover, who and when, and a SHA-256 checksum per file.
 * The bytes are kept in PostgreSQL (several instances serve the same files) and are never changed
 * (a trigger refuses it); a frozen dataset is only withdrawn, with a reason. Listed and downloaded
 * later byte for byte, whatever changed since. Depends on {@code report} and {@code series};
 * nothing depends on it.
 */
package org.caseregistry.freeze;
