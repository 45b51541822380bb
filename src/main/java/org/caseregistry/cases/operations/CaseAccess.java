package org.caseregistry.cases.operations;

import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CaseLockedException;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.SignOff;
import org.caseregistry.cases.storage.CaseStore;
import org.caseregistry.cases.storage.SignOffStore;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.FormService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The gate every read and write of a case passes: the case if the account may see it (else 404,
 * never its data), and for a change, row-locked for the transaction and refused while withdrawn or
 * signed off as locked. Who may do what is {@link CasePolicy}'s.
 */
@Component
public class CaseAccess {

  private final CaseStore store;
  private final SignOffStore signOffs;
  private final FormService formService;

  CaseAccess(CaseStore store, SignOffStore signOffs, FormService formService) {
    this.store = store;
    this.signOffs = signOffs;
    this.formService = formService;
  }

  /** The case if the account may see it; a case of another site answers 404, never its data. */
  public CaseHeader readable(long caseId, CurrentAccount account) {
    CaseHeader header = store.header(caseId).orElseThrow(NotFoundException::new);
    if (!CasePolicy.canSee(account, header.siteId())) {
      throw new NotFoundException();
    }
    return header;
  }

  /** The case, locked for this transaction, if the account may change it now. */
  public CaseHeader editable(long caseId, CurrentAccount account) {
    CaseHeader header = lockedReadable(caseId, account);
    if (header.isWithdrawn()) {
      throw new AccessDeniedException("A withdrawn case is read-only until it is restored");
    }
    return header;
  }

  /** The case, row-locked for this transaction; refused while the case is signed off as locked. */
  CaseHeader lockedReadable(long caseId, CurrentAccount account) {
    readable(caseId, account);
    if (signOffs.lockAndRead(caseId) == SignOff.LOCKED) {
      throw new CaseLockedException();
    }
    // Read again under the lock: status and version may have changed while waiting.
    return readable(caseId, account);
  }

  /**
   * A built-in section the case's series does not use is not there for it: 404. Answers the series'
   * form, for callers that need it too.
   */
  FormDefinition module(CaseHeader header, Section section) {
    FormDefinition form = formService.current(header.seriesId());
    requireModule(form, section);
    return form;
  }

  static void requireModule(FormDefinition form, Section section) {
    if (!form.hasModule(section)) {
      throw new NotFoundException();
    }
  }
}
