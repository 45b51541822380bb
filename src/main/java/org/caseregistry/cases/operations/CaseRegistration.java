package org.caseregistry.cases.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.cases.storage.CaseDerivedValues;
import org.caseregistry.cases.storage.CaseStore;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.SeriesService;
import org.caseregistry.site.HospitalSite;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** A new case, and corrections of what identifies it: its study code and its site. */
@Component
public class CaseRegistration {

  private final CaseStore store;
  private final CaseAuditLog auditLog;
  private final SeriesService seriesService;
  private final CaseAccess access;
  private final CaseDerivedValues derivedValues;

  CaseRegistration(
      CaseStore store,
      CaseAuditLog auditLog,
      SeriesService seriesService,
      CaseAccess access,
      CaseDerivedValues derivedValues) {
    this.derivedValues = derivedValues;
    this.store = store;
    this.auditLog = auditLog;
    this.seriesService = seriesService;
    this.access = access;
  }

  /** Creates a case, or returns the problems with its study code and site. */
  public Outcome create(
      long seriesId, String studyCode, Long siteId, boolean demo, CurrentAccount account) {
    if (!CasePolicy.canCreate(account)) {
      throw new AccessDeniedException("Only surgeons and admins create cases");
    }
    CaseSeries series = seriesService.visible(seriesId, account);
    String code = studyCode == null ? "" : studyCode.strip();
    List<FieldProblem> problems = headerProblems(series, code, siteId, null, account);
    if (!problems.isEmpty()) {
      return Outcome.refused(problems);
    }
    Long caseId = store.createCase(seriesId, siteId, code, demo, account.username());
    if (caseId == null) {
      // Created by someone else between the check above and the insert.
      return Outcome.refused(List.of(new FieldProblem("studyCode", "case.study-code.taken")));
    }
    CaseHeader header = store.header(caseId).orElseThrow();
    auditLog.event(header, AuditAction.CREATE, "study_code", null, code, account.username());
    derivedValues.recompute(caseId, account.username());
    return Outcome.saved(caseId);
  }

  /** Corrects the study code or the site of a case; refused on a stale version. */
  public Outcome updateHeader(
      long caseId, String studyCode, Long siteId, int version, CurrentAccount account) {
    CaseHeader header = access.editable(caseId, account);
    CaseSeries series = seriesService.visible(header.seriesId(), account);
    String code = studyCode == null ? "" : studyCode.strip();
    List<FieldProblem> problems = headerProblems(series, code, siteId, caseId, account);
    if (!problems.isEmpty()) {
      return Outcome.refused(problems);
    }
    store.updateHeader(caseId, code, siteId, version, account.username());
    List<CaseAuditLog.Entry> changes = new ArrayList<>();
    UUID changeSet = UUID.randomUUID();
    if (!code.equals(header.studyCode())) {
      changes.add(update(changeSet, "study_code", header.studyCode(), code, account));
    }
    if (siteId != header.siteId()) {
      changes.add(update(changeSet, "site", header.siteCode(), siteCode(series, siteId), account));
    }
    auditLog.record(header, changes);
    return Outcome.saved(caseId);
  }

  private static CaseAuditLog.Entry update(
      UUID changeSet, String field, String before, String after, CurrentAccount account) {
    return CaseAuditLog.Entry.caseEvent(
        changeSet, AuditAction.UPDATE, field, before, after, account.username());
  }

  /** A study code unique in the series, and one of the account's sites taking part in it. */
  private List<FieldProblem> headerProblems(
      CaseSeries series, String code, Long siteId, Long caseId, CurrentAccount account) {
    List<FieldProblem> problems = new ArrayList<>();
    if (code.isEmpty()) {
      problems.add(new FieldProblem("studyCode", "NotBlank"));
    } else if (code.length() > 30 || !code.matches("[\\p{L}\\p{N}._-]+")) {
      problems.add(new FieldProblem("studyCode", "case.study-code.pattern"));
    } else if (store.studyCodeTaken(series.getId(), code, caseId)) {
      problems.add(new FieldProblem("studyCode", "case.study-code.taken"));
    }
    if (siteId == null) {
      problems.add(new FieldProblem("siteId", "NotNull"));
    } else if (!CasePolicy.canPlaceIn(account, series, siteId)) {
      problems.add(new FieldProblem("siteId", "case.site.not-allowed"));
    }
    return problems;
  }

  private static String siteCode(CaseSeries series, long siteId) {
    return series.getSites().stream()
        .filter(site -> site.getId() == siteId)
        .map(HospitalSite::getCode)
        .findFirst()
        .orElse(String.valueOf(siteId));
  }
}
