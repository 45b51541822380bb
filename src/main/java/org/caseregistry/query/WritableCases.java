package org.caseregistry.query;

import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CaseLockedException;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.SignOffService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The cases a query step may touch: queries on a locked or withdrawn case are read-only. */
@Component
class WritableCases {

  private final CaseService cases;
  private final SignOffService signOffs;

  WritableCases(CaseService cases, SignOffService signOffs) {
    this.cases = cases;
    this.signOffs = signOffs;
  }

  /** Readable by the account, not locked and not withdrawn; else refused. */
  CaseHeader get(long caseId, CurrentAccount account) {
    CaseHeader header = cases.readable(caseId, account);
    if (signOffs.state(caseId, account).locked()) {
      throw new CaseLockedException();
    }
    if (header.isWithdrawn()) {
      throw new AccessDeniedException("A withdrawn case is read-only until it is restored");
    }
    return header;
  }
}
