package org.caseregistry.cases;

import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.catalog.CaseCodes.CaseStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Withdrawing a case from the study, restoring it, and deleting it for good. */
@Component
class CaseStatusChanges {

  private final CaseStore store;
  private final CaseAuditLog auditLog;
  private final CaseAccess access;

  CaseStatusChanges(CaseStore store, CaseAuditLog auditLog, CaseAccess access) {
    this.store = store;
    this.auditLog = auditLog;
    this.access = access;
  }

  void withdraw(long caseId, String reason, CurrentAccount account) {
    if (!CasePolicy.canWithdraw(account)) {
      throw new AccessDeniedException("Only coordinators and admins withdraw cases");
    }
    CaseHeader header = access.lockedReadable(caseId, account);
    store.setStatus(caseId, CaseStatus.WITHDRAWN, reason, account.username());
    auditLog.event(
        header,
        "WITHDRAW",
        "status",
        header.status().name(),
        CaseStatus.WITHDRAWN.name() + ": " + reason,
        account.username());
  }

  void restore(long caseId, CurrentAccount account) {
    if (!CasePolicy.canWithdraw(account)) {
      throw new AccessDeniedException("Only coordinators and admins restore cases");
    }
    CaseHeader header = access.lockedReadable(caseId, account);
    store.setStatus(caseId, CaseStatus.ACTIVE, null, account.username());
    auditLog.event(
        header,
        "RESTORE",
        "status",
        header.status().name(),
        CaseStatus.ACTIVE.name(),
        account.username());
  }

  /** Permanent deletion: admins only, confirmed by typing the study code. */
  Outcome delete(long caseId, String confirmation, CurrentAccount account) {
    if (!CasePolicy.canDelete(account)) {
      throw new AccessDeniedException("Only admins delete cases permanently");
    }
    CaseHeader header = access.lockedReadable(caseId, account);
    if (confirmation == null || !confirmation.strip().equalsIgnoreCase(header.studyCode())) {
      return Outcome.refused(List.of(new FieldProblem("confirmation", "case.delete.mismatch")));
    }
    auditLog.event(header, "DELETE", "study_code", header.studyCode(), null, account.username());
    store.purge(caseId);
    return Outcome.saved(caseId);
  }
}
