package org.caseregistry.cases.web;

import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.CaseSignOff;
import org.caseregistry.cases.SignOff;

/** Which sign-off buttons the case page offers this account for the case's current state. */
public record SignOffActions(
    CaseSignOff current,
    boolean complete,
    boolean verify,
    boolean reopen,
    boolean lock,
    boolean unlock) {

  static SignOffActions of(CurrentAccount account, CaseHeader header, CaseSignOff signOff) {
    SignOff state = signOff.state();
    boolean active = !header.isWithdrawn();
    return new SignOffActions(
        signOff,
        active && state == SignOff.OPEN && CasePolicy.canComplete(account),
        active && state == SignOff.COMPLETE && CasePolicy.canVerify(account),
        active
            && (state == SignOff.COMPLETE || state == SignOff.VERIFIED)
            && CasePolicy.canVerify(account),
        active && state != SignOff.LOCKED && CasePolicy.canLock(account),
        state == SignOff.LOCKED && CasePolicy.canUnlock(account));
  }
}
