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
 * {@code CaseImportResult}), the actions of the audit trail ({@code AuditAction}), values in the
 * reader's language ({@code CaseDisplay}), and {@code CompletionBlockers}, which another module
 * implements. The rest is internal, in sub-packages named by what they hold:
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
 */
package org.caseregistry.cases;
