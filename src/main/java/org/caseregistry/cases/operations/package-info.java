/**
 * The operations {@link org.caseregistry.cases.CaseService} hands each call to, one job per class:
 * the access gate every read and write passes ({@code CaseAccess}), reading a case as the account
 * may see it ({@code CaseReads}), registering a case and correcting what identifies it ({@code
 * CaseRegistration}), withdrawal, restoring and deletion ({@code CaseStatusChanges}), section saves
 * ({@code SectionSaves}), the corrections of field queries ({@code FieldCorrections}) and the
 * recalculation of custom fields ({@code CustomCalculations}). Internal to the module.
 */
package org.caseregistry.cases.operations;
