package org.caseregistry.cases.operations;

import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.cases.storage.CaseStore;
import org.caseregistry.catalog.CaseCodes.CaseStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Withdrawing a case from the study, restoring it, and deleting it for good. */
@Component
public class CaseStatusChanges {

  private final CaseStore store;
  private final CaseAuditLog auditLog;
  private final CaseAccess access;

  CaseStatusChanges(CaseStore store, CaseAuditLog auditLog, CaseAccess access) {
    this.store = store;
    this.auditLog = auditLog;
    this.access = access;
  }

  public void withdraw(long caseId, String reason, CurrentAccount account) {
    changeStatus(caseId, CaseStatus.WITHDRAWN, reason, AuditAction.WITHDRAW, "withdraw", account);
  }

  public void restore(long caseId, CurrentAccount account) {
    changeStatus(caseId, CaseStatus.ACTIVE, null, AuditAction.RESTORE, "restore", account);
  }

  /** Withdrawal and restoring: coordinators and admins, audited with the reason. */
  private void changeStatus(
      long caseId,
      CaseStatus status,
      String reason,
      AuditAction action,
      String verb,
      CurrentAccount account) {
    if (!CasePolicy.canWithdraw(account)) {
      throw new AccessDeniedException("Only coordinators and admins " + verb + " cases");
    }
    CaseHeader header = access.lockedReadable(caseId, account);
    store.setStatus(caseId, status, reason, account.username());
    auditLog.event(
        header,
        action,
        "status",
        header.status().name(),
        status == CaseStatus.WITHDRAWN ? status.name() + ": " + reason : status.name(),
        account.username());
  }

  /** Permanent deletion: admins only, confirmed by typing the study code. */
  public Outcome delete(long caseId, String confirmation, CurrentAccount account) {
    if (!CasePolicy.canDelete(account)) {
      throw new AccessDeniedException("Only admins delete cases permanently");
    }
    CaseHeader header = access.lockedReadable(caseId, account);
    if (confirmation == null || !confirmation.strip().equalsIgnoreCase(header.studyCode())) {
      return Outcome.refused(List.of(new FieldProblem("confirmation", "case.delete.mismatch")));
    }
    auditLog.event(
        header, AuditAction.DELETE, "study_code", header.studyCode(), null, account.username());
    store.purge(caseId);
    return Outcome.saved(caseId);
  }
}
