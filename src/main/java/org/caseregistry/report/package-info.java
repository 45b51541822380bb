/**
 * Reports of a case series: the seed paper's per-patient tables (Tables 1–3), summary tables of any
 * size aggregated in the database, the data-quality page, and the exports (CSV, XLSX, and the
 * de-identified dataset ZIP with its codebook), each audited. The statistics, the number format and
 * the table layouts are plain Java ({@code Statistics}, {@code ReportFormat}, {@code
 * PatientTables}, {@code SummaryLayout}); the database work is in {@code SummaryQuery}, {@code
 * PatientQuery}, {@code DataQuality} and {@code DatasetExport}. Nothing depends on this package.
 */
package org.caseregistry.report;
