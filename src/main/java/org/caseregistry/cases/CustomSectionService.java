package org.caseregistry.cases;

import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEvaluator;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.FormService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom sections of a case: read and saved under the same rules as the built-in ones (role and
 * site, withdrawn cases read-only, optimistic locking, audit), with the series' branching and
 * calculations applied on the server at every save.
 */
@Service
public class CustomSectionService {

  private final CaseService caseService;
  private final CaseStore store;
  private final CustomValueStore customStore;
  private final CaseAuditLog auditLog;
  private final FormService formService;
  private final CustomCalculations calculations;

  CustomSectionService(
      CaseService caseService,
      CaseStore store,
      CustomValueStore customStore,
      CaseAuditLog auditLog,
      FormService formService,
      CustomCalculations calculations) {
    this.caseService = caseService;
    this.store = store;
    this.customStore = customStore;
    this.auditLog = auditLog;
    this.formService = formService;
    this.calculations = calculations;
  }

  /** A custom section of the case's series' form, or 404 (retired sections included). */
  @Transactional(readOnly = true)
  public SectionDefinition section(long caseId, String key, CurrentAccount account) {
    CaseHeader header = caseService.readable(caseId, account);
    return section(formService.current(header.seriesId()), key);
  }

  @Transactional(readOnly = true)
  public SectionValues values(long caseId, String key, CurrentAccount account) {
    CaseHeader header = caseService.readable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    section(form, key);
    return customStore.load(caseId, form).single(key);
  }

  @Transactional(readOnly = true)
  public SectionValues item(long caseId, String key, long itemId, CurrentAccount account) {
    CaseHeader header = caseService.readable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    section(form, key);
    return customStore.load(caseId, form).items(key).stream()
        .filter(item -> item.itemId() == itemId)
        .findFirst()
        .orElseThrow(NotFoundException::new);
  }

  /** Saves a single custom section; problems refuse it, a stale version throws a conflict. */
  @Transactional
  public CaseService.SaveOutcome save(
      long caseId, String key, SectionForm input, CurrentAccount account) {
    CaseHeader header = caseService.editable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    SectionDefinition section = activeSection(form, key, false);
    CaseData current = store.load(caseId).withCustom(customStore.load(caseId, form));
    SectionValues before = current.custom().singles().get(key);
    CustomSectionInput.Result read =
        CustomSectionInput.read(
            section, input.getValues(), input.getMissing(), input.getVersion(), before);
    if (!read.problems().isEmpty()) {
      return new CaseService.SaveOutcome(read.problems(), null);
    }
    FormEvaluator evaluator = CustomRules.evaluator(form, current);
    FormEvaluator.Applied applied =
        evaluator.apply(section, read.values().values(), read.values().missing());
    SectionValues after =
        new SectionValues(null, input.getVersion(), applied.values(), applied.missing());
    customStore.saveSingle(caseId, key, after, input.getVersion(), account.username());
    auditLog.record(
        header, CaseAuditLog.diff(section, null, before, after, "UPDATE", account.username()));
    calculations.storeChanged(header, form, evaluator, current, account.username());
    return new CaseService.SaveOutcome(List.of(), null);
  }

  /** Adds an item to a repeating custom section, or updates it when {@code itemId} is given. */
  @Transactional
  public CaseService.SaveOutcome saveItem(
      long caseId, String key, Long itemId, SectionForm input, CurrentAccount account) {
    CaseHeader header = caseService.editable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    SectionDefinition section = activeSection(form, key, true);
    CaseData current = store.load(caseId).withCustom(customStore.load(caseId, form));
    SectionValues before =
        itemId == null
            ? null
            : current.custom().items(key).stream()
                .filter(item -> item.itemId() == itemId.longValue())
                .findFirst()
                .orElseThrow(EditConflictException::new);
    CustomSectionInput.Result read =
        CustomSectionInput.read(
            section, input.getValues(), input.getMissing(), input.getVersion(), before);
    if (!read.problems().isEmpty()) {
      return new CaseService.SaveOutcome(read.problems(), itemId);
    }
    FormEvaluator.Applied applied =
        CustomRules.evaluator(form, current)
            .apply(section, read.values().values(), read.values().missing());
    SectionValues after =
        new SectionValues(itemId, input.getVersion(), applied.values(), applied.missing());
    long savedId;
    if (itemId == null) {
      savedId = customStore.addItem(caseId, key, after, account.username());
    } else {
      customStore.updateItem(caseId, key, itemId, after, input.getVersion(), account.username());
      savedId = itemId;
    }
    auditLog.record(
        header,
        CaseAuditLog.diff(
            section,
            savedId,
            before,
            after,
            itemId == null ? "ADD_ITEM" : "UPDATE",
            account.username()));
    return new CaseService.SaveOutcome(List.of(), savedId);
  }

  @Transactional
  public void deleteItem(
      long caseId, String key, long itemId, int version, CurrentAccount account) {
    CaseHeader header = caseService.editable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    SectionDefinition section = activeSection(form, key, true);
    SectionValues before =
        customStore.load(caseId, form).items(key).stream()
            .filter(item -> item.itemId() == itemId)
            .findFirst()
            .orElseThrow(EditConflictException::new);
    customStore.deleteItem(caseId, key, itemId, version);
    auditLog.record(
        header,
        CaseAuditLog.diff(section, itemId, before, null, "DELETE_ITEM", account.username()));
  }

  private static SectionDefinition section(FormDefinition form, String key) {
    return form.section(key).orElseThrow(NotFoundException::new);
  }

  private static SectionDefinition activeSection(
      FormDefinition form, String key, boolean repeating) {
    SectionDefinition section = section(form, key);
    if (section.retired() || section.repeating() != repeating) {
      throw new NotFoundException();
    }
    return section;
  }
}
