package org.caseregistry.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.operations.CaseAccess;
import org.caseregistry.cases.operations.CustomCalculations;
import org.caseregistry.cases.rules.CustomRules;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.cases.storage.CaseSectionReads;
import org.caseregistry.cases.storage.CustomValueStore;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.form.FieldDefinition;
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

  private final CaseAccess access;
  private final CaseSectionReads sectionReads;
  private final CustomValueStore customStore;
  private final CaseAuditLog auditLog;
  private final FormService formService;
  private final CustomCalculations calculations;

  CustomSectionService(
      CaseAccess access,
      CaseSectionReads sectionReads,
      CustomValueStore customStore,
      CaseAuditLog auditLog,
      FormService formService,
      CustomCalculations calculations) {
    this.access = access;
    this.sectionReads = sectionReads;
    this.customStore = customStore;
    this.auditLog = auditLog;
    this.formService = formService;
    this.calculations = calculations;
  }

  /** A custom section of the case's series' form, or 404 (retired sections included). */
  @Transactional(readOnly = true)
  public SectionDefinition section(long caseId, String key, CurrentAccount account) {
    CaseHeader header = access.readable(caseId, account);
    return section(formService.current(header.seriesId()), key);
  }

  @Transactional(readOnly = true)
  public SectionValues values(long caseId, String key, CurrentAccount account) {
    CaseHeader header = access.readable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    section(form, key);
    SectionValues values = customStore.load(caseId, form).single(key);
    return IdentifierPolicy.maySee(account, header.siteId())
        ? values
        : IdentifierPolicy.masked(values, IdentifierPolicy.customIdentifiers(form));
  }

  @Transactional(readOnly = true)
  public SectionValues item(long caseId, String key, long itemId, CurrentAccount account) {
    CaseHeader header = access.readable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    section(form, key);
    SectionValues item =
        customStore.load(caseId, form).items(key).stream()
            .filter(found -> found.itemId() == itemId)
            .findFirst()
            .orElseThrow(NotFoundException::new);
    return IdentifierPolicy.maySee(account, header.siteId())
        ? item
        : IdentifierPolicy.masked(item, IdentifierPolicy.customIdentifiers(form));
  }

  /** Saves a single custom section; problems refuse it, a stale version throws a conflict. */
  @Transactional
  public Outcome save(long caseId, String key, SectionForm input, CurrentAccount account) {
    CaseHeader header = access.editable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    SectionDefinition section = activeSection(form, key, false);
    CaseData current = sectionReads.load(caseId).withCustom(customStore.load(caseId, form));
    SectionValues before = current.custom().singles().get(key);
    List<FieldProblem> refused = identifiersRefused(header, section, input, account);
    if (!refused.isEmpty()) {
      return new Outcome(refused, null);
    }
    CustomSectionInput.Result read =
        CustomSectionInput.read(
            section, input.getValues(), input.getMissing(), input.getVersion(), before);
    if (!read.problems().isEmpty()) {
      return new Outcome(read.problems(), null);
    }
    read = keepIdentifiers(header, section, read, before, account);
    FormEvaluator evaluator = CustomRules.evaluator(form, current);
    FormEvaluator.Applied applied =
        evaluator.apply(section, read.values().values(), read.values().missing());
    SectionValues after =
        new SectionValues(null, input.getVersion(), applied.values(), applied.missing());
    customStore.saveSingle(caseId, key, after, input.getVersion(), account.username());
    auditLog.record(
        header,
        CaseAuditLog.diff(section, null, before, after, AuditAction.UPDATE, account.username()));
    calculations.storeChanged(header, form, evaluator, current, account.username());
    return new Outcome(List.of(), null);
  }

  /** Adds an item to a repeating custom section, or updates it when {@code itemId} is given. */
  @Transactional
  public Outcome saveItem(
      long caseId, String key, Long itemId, SectionForm input, CurrentAccount account) {
    CaseHeader header = access.editable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    SectionDefinition section = activeSection(form, key, true);
    CaseData current = sectionReads.load(caseId).withCustom(customStore.load(caseId, form));
    SectionValues before =
        itemId == null
            ? null
            : current.custom().items(key).stream()
                .filter(item -> item.itemId() == itemId.longValue())
                .findFirst()
                .orElseThrow(EditConflictException::new);
    List<FieldProblem> refused = identifiersRefused(header, section, input, account);
    if (!refused.isEmpty()) {
      return new Outcome(refused, itemId);
    }
    CustomSectionInput.Result read =
        CustomSectionInput.read(
            section, input.getValues(), input.getMissing(), input.getVersion(), before);
    if (!read.problems().isEmpty()) {
      return new Outcome(read.problems(), itemId);
    }
    read = keepIdentifiers(header, section, read, before, account);
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
            itemId == null ? AuditAction.ADD_ITEM : AuditAction.UPDATE,
            account.username()));
    return new Outcome(List.of(), savedId);
  }

  @Transactional
  public void deleteItem(
      long caseId, String key, long itemId, int version, CurrentAccount account) {
    CaseHeader header = access.editable(caseId, account);
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
        CaseAuditLog.diff(
            section, itemId, before, null, AuditAction.DELETE_ITEM, account.username()));
  }

  /** Whoever may not see identifiers cannot write them: a value given for one is refused. */
  private static List<FieldProblem> identifiersRefused(
      CaseHeader header, SectionDefinition section, SectionForm input, CurrentAccount account) {
    if (IdentifierPolicy.maySee(account, header.siteId())) {
      return List.of();
    }
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldDefinition field : section.fields()) {
      String value = field.identifier() ? input.getValues().get(field.name()) : null;
      String missing = field.identifier() ? input.getMissing().get(field.name()) : null;
      if ((value != null && !value.isBlank()) || (missing != null && !missing.isBlank())) {
        problems.add(new FieldProblem(field.name(), "case.identifier.not-allowed"));
      }
    }
    return problems;
  }

  /** A save by someone who may not see identifiers keeps them as stored. */
  private static CustomSectionInput.Result keepIdentifiers(
      CaseHeader header,
      SectionDefinition section,
      CustomSectionInput.Result read,
      SectionValues stored,
      CurrentAccount account) {
    if (IdentifierPolicy.maySee(account, header.siteId())) {
      return read;
    }
    Map<String, Object> values = new LinkedHashMap<>(read.values().values());
    Map<String, MissingReason> missing = new LinkedHashMap<>(read.values().missing());
    for (FieldDefinition field : section.fields()) {
      if (field.identifier()) {
        values.put(field.name(), stored == null ? null : stored.get(field.name()));
        missing.remove(field.name());
        if (stored != null && stored.missing().containsKey(field.name())) {
          missing.put(field.name(), stored.missing().get(field.name()));
        }
      }
    }
    return new CustomSectionInput.Result(
        new SectionValues(null, read.values().version(), values, missing), read.problems());
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
