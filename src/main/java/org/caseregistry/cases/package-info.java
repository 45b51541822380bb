/**
 * The cases of a series and everything recorded and derived for them: the case pages, the sections
 * and list items, sign-off, the import, the audit trail. {@link org.caseregistry.cases.CaseService}
 * is the entry point the other modules call (one transaction per call), handing each call to the
 * part that does that one job.
 *
 * <p>What other modules may use is this base package, and only it (Spring Modulith's {@code
 * ModularityTest} fails the build otherwise; {@code CasesModuleTest} lists it): the services
 * ({@code CaseService}, {@code CustomSectionService}, {@code SignOffService}, {@code CaseList}),
 * the policies ({@code CasePolicy}, {@code IdentifierPolicy}), a case's data as read and derived
 * ({@code CaseHeader}, {@code CaseData}, {@code SectionValues}, {@code CustomData}, {@code
 * DerivedValues}, {@code CaseWarning}, {@code CaseSignOff}, {@code SignOff}), what callers write
 * and are answered ({@code SectionForm}, {@code SectionInput}, {@code CustomSectionInput}, {@code
 * ValueParser}, {@code Outcome}, {@code FieldProblem}, {@code CaseLockedException}), the import's
 * request and result ({@code CaseImport}, {@code CaseImportChunks}, {@code CaseImportTotals},
 * {@code CaseImportResult}), the summary table's kept per-value counts ({@code CaseValueCounts}),
 * the actions of the audit trail ({@code AuditAction}), values in the reader's language ({@code
 * CaseDisplay}), and {@code CompletionBlockers}, which another module implements. The rest is
 * internal, in sub-packages named by what they hold:
 *
 * <ul>
 *   <li>{@code web}: the controllers of the case pages, their page models and the web plumbing
 *       written once for them (field problems, the edit conflict);
 *   <li>{@code operations}: what {@code CaseService} hands each call to, one job per class (the
 *       access gate, reads, registration, status changes, section saves, field corrections, custom
 *       calculations);
 *   <li>{@code rules}: the clinical rules in plain Java (derivation, warnings, save checks, the
 *       gastrectomy rules, the evaluator of a series' own form);
 *   <li>{@code storage}: the SQL (case rows, sections, custom values, sign-off, stored derived
 *       values, the audit trail, the import's bulk writes);
 *   <li>{@code importer}: the bulk path of an import (chunks, merge, checks, the pure {@code
 *       ImportPlan}, the writers it hands to).
 * </ul>
 *
 * <p>Conventions of the module:
 *
 * <ul>
 *   <li><b>Who may do what</b> with a case is {@link org.caseregistry.cases.CasePolicy}'s (role and
 *       site), asked by pages, API, import and the services alike; identifiers have {@link
 *       org.caseregistry.cases.IdentifierPolicy}.
 *   <li><b>A refused write</b> answers an {@link org.caseregistry.cases.Outcome}: saved (with the
 *       id of what it saved), or a list of {@link org.caseregistry.cases.FieldProblem}s, each put
 *       next to its field by the page ({@code Problems.bind}) or the API (errors by variable). Not
 *       {@code null}, not a service-filled {@code Errors}, not a record per method. What is not
 *       about input is an exception: no access (404, 403), a locked case, and a stale version
 *       ({@link org.caseregistry.platform.EditConflictException}).
 *   <li><b>The edit conflict</b> is answered once, by {@code CaseEditConflictAdvice}: the page's
 *       controller shows its page again from the form as posted ({@code StaleEdit}), field by field
 *       where it compares; controllers do not catch it.
 *   <li><b>The signed-in account</b> is a handler parameter ({@code CurrentAccount account}).
 * </ul>
 *
 * <h2>Published read model</h2>
 *
 * <p>The module's tables ({@code surgical_case}, the section tables named by {@link
 * org.caseregistry.catalog.Section#table()}, {@code case_custom_section}, {@code case_custom_item},
 * {@code case_audit}, {@code case_count}, {@code case_value_count}, {@code
 * case_custom_value_count}, {@code case_dashboard_count}) are its storage, read and written by its
 * own code alone (and by the logical backup, which copies every table as stored). What other
 * modules read of case data in SQL (reports, exports, dashboard, data quality, field queries) is
 * the set of read-only views it publishes (Flyway {@code V57__published_case_views.sql}):
 *
 * <ul>
 *   <li>{@code case_view}: one row per case, its header (series, site, study code, status,
 *       sign-off, creation time) and every value derived at each save (BMI, age, stage groups and
 *       why not derivable, pN from the count, node totals, length of stay, CCI, worst grade,
 *       complication count and tally, sections filled, warnings, the follow-up summary);
 *   <li>one view per built-in section, {@link org.caseregistry.catalog.Section#view()} ({@code
 *       case_operation_view}, {@code case_complication_view}, ...): the case, one column per
 *       catalog variable, the missing reasons, and for list sections the item's id and position;
 *   <li>{@code case_custom_section_view} and {@code case_custom_item_view}: the values and missing
 *       reasons of custom sections, single and repeating.
 * </ul>
 *
 * <p>The per-value counts of the summary table ({@code case_value_count}, kept by triggers, V56;
 * {@code case_custom_value_count} for the custom fields, V58) are read through {@code
 * CaseValueCounts}, not in SQL of another module; those of the dashboard ({@code
 * case_dashboard_count}, V59) through {@code CaseDashboardCounts}.
 *
 * <p>Each view is a plain projection of one table, which PostgreSQL inlines: a query through the
 * views is planned exactly as on the tables (indexes, unused left joins removed). Versions, who
 * changed a row and when, the case's revision and its withdrawal details are not published. A
 * change of storage keeps the views (PostgreSQL refuses to drop or retype a column a view reads); a
 * column readers need is added to its view on purpose. {@code PublishedReadModelTest} fails when a
 * class outside this module names one of the tables in SQL or asks a section for its table; {@code
 * PublishedViewsIntegrationTest} keeps the views complete, inlined and read-only.
 */
package org.caseregistry.cases;
