package org.caseregistry.cases.operations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.CaseService.Correction;
import org.caseregistry.cases.CaseService.QueryStep;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.cases.storage.CaseSectionReads;
import org.caseregistry.cases.storage.CaseStore;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What the field queries do to a case: a correction through the normal save, linked to its query,
 * and the steps of the conversation written into the case's audit trail.
 */
@Component
public class FieldCorrections {

  private final CaseStore store;
  private final CaseSectionReads sectionReads;
  private final CaseAuditLog auditLog;
  private final CaseAccess access;
  private final CaseReads reads;
  private final SectionSaves saves;

  FieldCorrections(
      CaseStore store,
      CaseSectionReads sectionReads,
      CaseAuditLog auditLog,
      CaseAccess access,
      CaseReads reads,
      SectionSaves saves) {
    this.store = store;
    this.sectionReads = sectionReads;
    this.auditLog = auditLog;
    this.access = access;
    this.reads = reads;
    this.saves = saves;
  }

  /**
   * Corrects one field of a section or list item through the normal save (same access, checks,
   * optimistic locking and derived values), the audit entries linked to the field query it was made
   * from. The text is what a form field would hold; empty clears the value.
   */
  public Correction correctField(
      long caseId,
      Section section,
      Long itemId,
      String variable,
      String text,
      CurrentAccount account,
      long queryId) {
    if (!CaseVariables.exists(variable)
        || CaseVariables.get(variable).section() != section
        || section.isList() != (itemId != null)) {
      throw new NotFoundException();
    }
    access.editable(caseId, account);
    SectionValues stored =
        itemId == null
            ? sectionReads.single(caseId, section).orElse(SectionValues.empty())
            : reads.item(caseId, section, itemId, account);
    SectionForm form = SectionForm.of(section, stored);
    String before = form.getValues().get(variable);
    form.getValues().put(variable, text == null ? "" : text.strip());
    form.getMissing().put(variable, "");
    Outcome outcome =
        itemId == null
            ? saves.saveSection(caseId, section, form, account, queryId)
            : saves.saveItem(caseId, section, itemId, form, account, queryId);
    return new Correction(outcome, before, form.getValues().get(variable));
  }

  /**
   * Writes a step of a field query (opened, answered, closed, …) into the case's audit trail, so
   * that the case's history shows the conversation beside the changes it led to.
   */
  public void recordQueryStep(
      long caseId,
      AuditAction action,
      String field,
      String oldValue,
      String newValue,
      CurrentAccount account,
      Long queryId) {
    CaseHeader header = access.readable(caseId, account);
    auditLog.record(
        header,
        List.of(
            CaseAuditLog.Entry.caseEvent(action, field, oldValue, newValue, account.username())),
        queryId);
  }

  /**
   * Writes many query steps of one series into the audit trail with a fixed number of statements
   * (raising queries in bulk); steps of cases the account may not see are refused.
   */
  public void recordQuerySteps(long seriesId, List<QueryStep> steps, CurrentAccount account) {
    if (steps.isEmpty()) {
      return;
    }
    Map<Long, CaseHeader> headers = new HashMap<>();
    for (CaseHeader header : store.headersOfSeries(seriesId)) {
      headers.put(header.id(), header);
    }
    List<CaseHeader> owners = new ArrayList<>();
    List<CaseAuditLog.Entry> entries = new ArrayList<>();
    for (QueryStep step : steps) {
      CaseHeader header = headers.get(step.caseId());
      if (header == null || !CasePolicy.canSee(account, header.siteId())) {
        throw new NotFoundException();
      }
      owners.add(header);
      entries.add(
          new CaseAuditLog.Entry(
              UUID.randomUUID(),
              null,
              null,
              step.action(),
              "query",
              null,
              step.text(),
              account.username(),
              null,
              null,
              step.queryId()));
    }
    auditLog.recordEach(owners, entries, null);
  }
}
