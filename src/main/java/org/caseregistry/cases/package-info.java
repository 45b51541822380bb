/**
 * The cases of a series and everything recorded and derived for them: the case pages, the sections
 * and list items, sign-off, the import, the audit trail. {@link org.caseregistry.cases.CaseService}
 * is the entry point the other modules call (one transaction per call), handing each call to the
 * part that does that one job.
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
