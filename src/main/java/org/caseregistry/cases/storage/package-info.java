/**
 * The SQL of {@code cases}: the case rows and whole cases ({@code CaseStore}), the section tables
 * ({@code SectionWriter}, {@code SectionRows}), custom values ({@code CustomValueStore}, {@code
 * CustomValueCensus}), sign-off ({@code SignOffStore}), the stored derived values ({@code
 * CaseDerivedValues}, {@code DerivedColumns}), the audit trail ({@code CaseAuditLog}) and the
 * import's set-based writes ({@code CaseBulkWriter}, {@code BulkSql}). Every statement is bounded
 * by one case or one series. Internal to the module: other modules read case data through {@link
 * org.caseregistry.cases}, so that a change of these tables cannot silently break them.
 */
package org.caseregistry.cases.storage;
