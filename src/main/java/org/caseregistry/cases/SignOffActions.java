package org.caseregistry.cases;

import org.caseregistry.account.CurrentAccount;

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
        active && state == SignOff.OPEN && SignOffService.canComplete(account),
        active && state == SignOff.COMPLETE && SignOffService.canVerify(account),
        active
            && (state == SignOff.COMPLETE || state == SignOff.VERIFIED)
            && SignOffService.canVerify(account),
        active && state != SignOff.LOCKED && SignOffService.canLock(account),
        state == SignOff.LOCKED && SignOffService.canUnlock(account));
  }
}
