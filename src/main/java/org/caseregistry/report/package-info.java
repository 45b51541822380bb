/**
 * Reports of a case series: the seed paper's per-patient tables (Tables 1–3), summary tables of any
 * size aggregated in the database, the data-quality page, and the exports (CSV, XLSX, and the
 * de-identified dataset ZIP with its codebook), each audited. The statistics, the number format and
 * the table layouts are plain Java ({@code Statistics}, {@code ReportFormat}, {@code
 * PatientTables}, {@code SummaryLayout}); the database work is in {@code SummaryCounts} (the
 * summary from the per-value counts {@code cases} keeps, {@code CaseValueCounts}), {@code
 * SummaryQuery} (the summary by a pass over the cases, for what the counts cannot answer), {@code
 * PatientQuery}, {@code DataQuality} and {@code DatasetExport} (its files described by {@code
 * DatasetLayout}, with {@code DatasetMissingReasons}, {@code DatasetCodebook}, {@code
 * DatasetXlsx}). Custom fields are read as the form describes them ({@code CustomFieldSql}):
 * summary variables (or their kept counts, read by type: {@code CustomCounted}), dataset columns,
 * per-patient rows ({@code CustomPatientRows}) and data-quality counts ({@code
 * CustomQualityCounts}). Every dataset ZIP carries R, Stata and SPSS scripts ({@code
 * AnalysisScripts}); any report can be restricted to locked cases; the data-quality page counts
 * confirmed warnings apart and shows the query metrics of {@code query}. Only {@code freeze}
 * depends on this package, through {@code ReportSnapshot}.
 */
package org.caseregistry.report;
