/**
 * The bulk path behind {@link org.caseregistry.cases.CaseService#importCases}: {@code CaseImporter}
 * judges every case of an import against what the series holds ({@code CaseImportMerge}, {@code
 * CaseImportChecks}), {@code ImportPlan} decides from the stored and imported state alone what to
 * write (pure, unit-tested without a database), and {@code CaseBulkWriter} and {@code
 * CustomImportWriter} write it. Internal to the module: the {@code importing} module reads files
 * and calls {@link org.caseregistry.cases.CaseService}.
 */
package org.caseregistry.cases.importer;
