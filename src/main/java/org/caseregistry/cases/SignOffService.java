package org.caseregistry.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.cases.storage.CaseSectionReads;
import org.caseregistry.cases.storage.CaseStore;
import org.caseregistry.cases.storage.CustomValueStore;
import org.caseregistry.cases.storage.SignOffStore;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.FormService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-off of a case. A surgeon of its site marks it complete (refused, with every reason,
 * while a required section is empty or another feature objects, e.g. an open query); a coordinator
 * marks it verified; a coordinator or admin locks it; only an admin unlocks it, with a reason.
 * Every step is written to the case's audit trail. The transitions check themselves here, so that
 * pages and API cannot differ.
 */
@Service
public class SignOffService {

  /** The sections a case needs before it can be called complete (the seed paper's minimum). */
  static final List<Section> REQUIRED =
      List.of(
          Section.PATIENT,
          Section.TUMOUR,
          Section.NEOADJUVANT,
          Section.OPERATION,
          Section.POSTOP,
          Section.PATHOLOGY,
          Section.GASTRIC_TUMOUR,
          Section.GASTRIC_OPERATION,
          Section.GASTRIC_POSTOP,
          Section.GASTRIC_PATHOLOGY);

  private final CaseService cases;
  private final CaseStore store;
  private final CaseSectionReads sectionReads;
  private final SignOffStore signOffs;
  private final CaseAuditLog auditLog;
  private final List<CompletionBlockers> blockers;
  private final FormService forms;
  private final CustomValueStore customStore;

  SignOffService(
      CaseService cases,
      CaseStore store,
      CaseSectionReads sectionReads,
      SignOffStore signOffs,
      CaseAuditLog auditLog,
      List<CompletionBlockers> blockers,
      FormService forms,
      CustomValueStore customStore) {
    this.forms = forms;
    this.customStore = customStore;
    this.cases = cases;
    this.store = store;
    this.sectionReads = sectionReads;
    this.signOffs = signOffs;
    this.auditLog = auditLog;
    this.blockers = blockers;
  }

  /** A transition refused for reasons the caller can act on (listed), not for lack of rights. */
  public static class RefusedException extends RuntimeException {
    private final transient List<CompletionBlockers.Blocker> reasons;

    RefusedException(List<CompletionBlockers.Blocker> reasons) {
      super("Refused: " + reasons);
      this.reasons = List.copyOf(reasons);
    }

    public List<CompletionBlockers.Blocker> reasons() {
      return reasons;
    }
  }

  // ---------------------------------------------------------------- reading

  @Transactional(readOnly = true)
  public CaseSignOff state(long caseId, CurrentAccount account) {
    cases.readable(caseId, account);
    return signOffs.read(caseId);
  }

  /** Why the case cannot be marked complete now; empty when it can. */
  @Transactional(readOnly = true)
  public List<CompletionBlockers.Blocker> completionBlockers(long caseId, CurrentAccount account) {
    cases.readable(caseId, account);
    return blockersOf(caseId);
  }

  /** Cases of the series per state, at the sites the account sees (one statement). */
  @Transactional(readOnly = true)
  public Map<SignOff, Long> counts(long seriesId, CurrentAccount account) {
    return signOffs.counts(seriesId, account.isAdmin() ? null : account.siteIds());
  }

  private List<CompletionBlockers.Blocker> blockersOf(long caseId) {
    List<CompletionBlockers.Blocker> reasons = new ArrayList<>();
    CaseData data = sectionReads.load(caseId);
    // The required sections of the series' own form: its modules among these, and every custom
    // section with a required field.
    FormDefinition form =
        forms.current(store.header(caseId).orElseThrow(NotFoundException::new).seriesId());
    for (Section section : REQUIRED) {
      if (form.hasModule(section) && !data.isFilled(section)) {
        reasons.add(
            new CompletionBlockers.Blocker("signoff.blocker.section-empty", List.of(section)));
      }
    }
    CustomData custom = customStore.load(caseId, form);
    for (SectionDefinition section : form.activeSections()) {
      boolean required = section.activeFields().stream().anyMatch(FieldDefinition::required);
      boolean entered =
          section.repeating()
              ? !custom.items(section.key()).isEmpty()
              : custom.single(section.key()).version() > 0;
      if (required && !entered) {
        reasons.add(
            new CompletionBlockers.Blocker(
                "signoff.blocker.custom-section-empty", List.of(section.label(false))));
      }
    }
    for (CompletionBlockers feature : blockers) {
      reasons.addAll(feature.blockers(caseId));
    }
    return reasons;
  }

  // ---------------------------------------------------------------- transitions

  @Transactional
  public void markComplete(long caseId, CurrentAccount account) {
    if (!CasePolicy.canComplete(account)) {
      throw new AccessDeniedException("Only surgeons and admins mark a case complete");
    }
    CaseHeader header = changeable(caseId, account, SignOff.OPEN);
    List<CompletionBlockers.Blocker> reasons = blockersOf(caseId);
    if (!reasons.isEmpty()) {
      throw new RefusedException(reasons);
    }
    move(header, SignOff.OPEN, SignOff.COMPLETE, null, account);
  }

  @Transactional
  public void markVerified(long caseId, CurrentAccount account) {
    if (!CasePolicy.canVerify(account)) {
      throw new AccessDeniedException("Only coordinators and admins verify a case");
    }
    CaseHeader header = changeable(caseId, account, SignOff.COMPLETE);
    move(header, SignOff.COMPLETE, SignOff.VERIFIED, null, account);
  }

  /** Sends a complete or verified case back to open (e.g. a field needs a second look). */
  @Transactional
  public void reopen(long caseId, CurrentAccount account) {
    if (!CasePolicy.canVerify(account)) {
      throw new AccessDeniedException("Only coordinators and admins re-open a case");
    }
    CaseHeader header = cases.readable(caseId, account);
    SignOff now = signOffs.lockAndRead(caseId);
    if (now != SignOff.COMPLETE && now != SignOff.VERIFIED) {
      throw new RefusedException(
          List.of(new CompletionBlockers.Blocker("signoff.refused.state", List.of(now))));
    }
    move(header, now, SignOff.OPEN, null, account);
  }

  @Transactional
  public void lock(long caseId, CurrentAccount account) {
    if (!CasePolicy.canLock(account)) {
      throw new AccessDeniedException("Only coordinators and admins lock a case");
    }
    CaseHeader header = cases.readable(caseId, account);
    SignOff now = signOffs.lockAndRead(caseId);
    if (now == SignOff.LOCKED) {
      throw new RefusedException(
          List.of(new CompletionBlockers.Blocker("signoff.refused.state", List.of(now))));
    }
    if (header.isWithdrawn()) {
      throw new AccessDeniedException("A withdrawn case cannot be locked");
    }
    move(header, now, SignOff.LOCKED, null, account);
  }

  /** Admins only, with a reason; the case goes back to open, to be signed off again. */
  @Transactional
  public void unlock(long caseId, String reason, CurrentAccount account) {
    if (!CasePolicy.canUnlock(account)) {
      throw new AccessDeniedException("Only admins unlock a case");
    }
    CaseHeader header = cases.readable(caseId, account);
    SignOff now = signOffs.lockAndRead(caseId);
    if (now != SignOff.LOCKED) {
      throw new RefusedException(
          List.of(new CompletionBlockers.Blocker("signoff.refused.state", List.of(now))));
    }
    if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
      throw new RefusedException(
          List.of(new CompletionBlockers.Blocker("signoff.unlock.reason-required", List.of())));
    }
    move(header, now, SignOff.OPEN, reason.strip(), account);
  }

  private CaseHeader changeable(long caseId, CurrentAccount account, SignOff expected) {
    CaseHeader header = cases.readable(caseId, account);
    SignOff now = signOffs.lockAndRead(caseId);
    if (header.isWithdrawn()) {
      throw new AccessDeniedException("A withdrawn case is read-only until it is restored");
    }
    if (now != expected) {
      throw new RefusedException(
          List.of(new CompletionBlockers.Blocker("signoff.refused.state", List.of(now))));
    }
    return header;
  }

  private void move(
      CaseHeader header, SignOff from, SignOff to, String reason, CurrentAccount account) {
    signOffs.set(header.id(), to, account.username());
    auditLog.event(
        header,
        from == SignOff.LOCKED ? AuditAction.UNLOCK : AuditAction.SIGN_OFF,
        "sign_off",
        from.name(),
        reason == null ? to.name() : to.name() + ": " + reason,
        account.username());
  }
}
