/**
 * Bulk import of cases from a workbook or CSV files, and the same format as a template and as an
 * export: {@link org.caseregistry.importing.CaseFileFormat} defines it, reading and writing follow
 * it, and {@link org.caseregistry.cases.CaseService#importCases} judges and writes the cases. Only
 * the REST API ({@code api}) uses it, for import through the API with the same dry run.
 */
package org.caseregistry.importing;
