/**
 * The case pages of {@code cases}: the controllers of the case list, the case page, the section and
 * custom-section forms and the sign-off buttons; what they show ({@code CaseWorkspace}, {@code
 * CustomDisplay}, {@code SignOffActions}); and the web plumbing written once for them: field
 * problems put next to their fields ({@code Problems}), the edit conflict answered by {@code
 * CaseEditConflictAdvice} and shown again by each page ({@code EditConflictPage}, {@code
 * StaleEdit}, {@code SectionConflicts}). Internal to the module: the pages call the services of
 * {@link org.caseregistry.cases}, never the storage.
 */
package org.caseregistry.cases.web;
