package org.caseregistry.cases.operations;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.IdentifierPolicy;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.cases.SectionInput;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.rules.SaveChecks;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.cases.storage.CaseDerivedValues;
import org.caseregistry.cases.storage.CaseSectionReads;
import org.caseregistry.cases.storage.CustomValueStore;
import org.caseregistry.cases.storage.SectionWriter;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.series.FormService;
import org.springframework.stereotype.Component;

/**
 * Saves of built-in sections and list items: read and checked against the whole case, written
 * against the version the editor saw (a stale one throws {@link EditConflictException}), audited
 * field by field, and the derived values of the case recomputed.
 */
@Component
public class SectionSaves {

  private final CaseSectionReads sectionReads;
  private final CaseAuditLog auditLog;
  private final FormService formService;
  private final CustomValueStore customStore;
  private final CustomCalculations calculations;
  private final CaseAccess access;
  private final CaseReads reads;
  private final SectionWriter sectionWriter;
  private final CaseDerivedValues derivedValues;

  SectionSaves(
      CaseSectionReads sectionReads,
      CaseAuditLog auditLog,
      FormService formService,
      CustomValueStore customStore,
      CustomCalculations calculations,
      CaseAccess access,
      CaseReads reads,
      SectionWriter sectionWriter,
      CaseDerivedValues derivedValues) {
    this.sectionReads = sectionReads;
    this.auditLog = auditLog;
    this.formService = formService;
    this.customStore = customStore;
    this.calculations = calculations;
    this.access = access;
    this.reads = reads;
    this.sectionWriter = sectionWriter;
    this.derivedValues = derivedValues;
  }

  /**
   * Saves a single section. Field problems refuse the save and come back to the form; a stale
   * version throws {@link EditConflictException}.
   */
  public Outcome saveSection(
      long caseId, Section section, SectionForm form, CurrentAccount account, Long queryId) {
    CaseHeader header = access.editable(caseId, account);
    FormDefinition seriesForm = access.module(header, section);
    boolean identifiersHidden = !IdentifierPolicy.maySee(account, header.siteId());
    List<FieldProblem> refused = identifiersHidden ? identifiersGiven(form) : List.of();
    if (!refused.isEmpty()) {
      return new Outcome(refused, null);
    }
    SectionInput.Result input =
        SectionInput.read(section, form.getValues(), form.getMissing(), form.getVersion());
    if (!input.problems().isEmpty()) {
      return new Outcome(input.problems(), null);
    }
    CaseData current = sectionReads.load(caseId);
    if (identifiersHidden) {
      input =
          new SectionInput.Result(
              keepIdentifiers(input.values(), current.single(section)), List.of());
    }
    List<FieldProblem> problems = SaveChecks.errors(section, input.values(), current);
    if (!problems.isEmpty()) {
      return new Outcome(problems, null);
    }
    SectionValues before = current.singles().get(section);
    sectionWriter.saveSingle(
        caseId, section, input.values(), form.getVersion(), account.username());
    auditLog.record(
        header,
        CaseAuditLog.diff(
            section, null, before, input.values(), AuditAction.UPDATE, account.username()),
        queryId);
    // The case is locked: what was read plus what was written is the whole case, no reload needed.
    CaseData now = current.with(section, input.values());
    derivedValues.recompute(caseId, now, account.username());
    refreshCalculations(header, seriesForm, now, account);
    return new Outcome(List.of(), null);
  }

  /**
   * The custom calculations that read built-in variables, recomputed from the case as it now stands
   * (list items are not read by calculations, so item saves need none).
   */
  private void refreshCalculations(
      CaseHeader header, FormDefinition seriesForm, CaseData now, CurrentAccount account) {
    if (seriesForm.hasCustomFields()) {
      calculations.refresh(
          header,
          seriesForm,
          now.withCustom(customStore.load(header.id(), seriesForm)),
          account.username());
    }
  }

  /** An identifier sent by an account that may not see identifiers: refused, field by field. */
  private static List<FieldProblem> identifiersGiven(SectionForm form) {
    List<FieldProblem> problems = new ArrayList<>();
    for (String variable : IdentifierPolicy.VARIABLES) {
      String value = form.getValues().get(variable);
      String missing = form.getMissing().get(variable);
      if ((value != null && !value.isBlank()) || (missing != null && !missing.isBlank())) {
        problems.add(new FieldProblem(variable, "case.identifier.not-allowed"));
      }
    }
    return problems;
  }

  /** What was read, with the identifiers as stored: a save that cannot see them keeps them. */
  private static SectionValues keepIdentifiers(SectionValues read, SectionValues stored) {
    Map<String, Object> values = new LinkedHashMap<>(read.values());
    Map<String, MissingReason> missing = new LinkedHashMap<>(read.missing());
    for (String variable : IdentifierPolicy.VARIABLES) {
      if (values.containsKey(variable) || stored.values().containsKey(variable)) {
        values.put(variable, stored.values().get(variable));
      }
      missing.remove(variable);
      if (stored.missing().containsKey(variable)) {
        missing.put(variable, stored.missing().get(variable));
      }
    }
    return new SectionValues(read.itemId(), read.version(), values, missing);
  }

  /**
   * Saves several single sections from one page, all or nothing: every section is read and checked
   * (against the others' new values too) before any is written, each is saved with its own version
   * and audited as its own section, and a stale version of any of them throws {@link
   * org.caseregistry.platform.EditConflictException} and writes nothing.
   */
  public Outcome saveSections(
      long caseId, List<Section> sections, SectionForm form, CurrentAccount account) {
    CaseHeader header = access.editable(caseId, account);
    boolean identifiersHidden = !IdentifierPolicy.maySee(account, header.siteId());
    List<FieldProblem> problems =
        new ArrayList<>(identifiersHidden ? identifiersGiven(form) : List.of());
    if (!problems.isEmpty()) {
      return new Outcome(problems, null);
    }
    Map<Section, SectionValues> inputs = new EnumMap<>(Section.class);
    FormDefinition seriesForm = formService.current(header.seriesId());
    for (Section section : sections) {
      CaseAccess.requireModule(seriesForm, section);
      SectionForm part = form.forSection(section);
      SectionInput.Result input =
          SectionInput.read(section, part.getValues(), part.getMissing(), part.getVersion());
      problems.addAll(input.problems());
      inputs.put(section, input.values());
    }
    if (!problems.isEmpty()) {
      return new Outcome(problems, null);
    }
    CaseData current = sectionReads.load(caseId);
    if (identifiersHidden) {
      inputs.replaceAll((section, read) -> keepIdentifiers(read, current.single(section)));
    }
    CaseData merged = current;
    for (Map.Entry<Section, SectionValues> input : inputs.entrySet()) {
      merged = merged.with(input.getKey(), input.getValue());
    }
    for (Map.Entry<Section, SectionValues> input : inputs.entrySet()) {
      problems.addAll(SaveChecks.errors(input.getKey(), input.getValue(), merged));
    }
    if (!problems.isEmpty()) {
      return new Outcome(problems, null);
    }
    for (Map.Entry<Section, SectionValues> input : inputs.entrySet()) {
      Section section = input.getKey();
      List<CaseAuditLog.Entry> changes =
          CaseAuditLog.diff(
              section,
              null,
              current.singles().get(section),
              input.getValue(),
              AuditAction.UPDATE,
              account.username());
      if (changes.isEmpty()) {
        // Left as it was: not written, so that nobody else's save of it conflicts for nothing.
        continue;
      }
      sectionWriter.saveSingle(
          caseId, section, input.getValue(), input.getValue().version(), account.username());
      auditLog.record(header, changes);
    }
    derivedValues.recompute(caseId, merged, account.username());
    refreshCalculations(header, seriesForm, merged, account);
    return new Outcome(List.of(), null);
  }

  /** Adds an item to a list section, or updates it when {@code itemId} is given. */
  public Outcome saveItem(
      long caseId,
      Section section,
      Long itemId,
      SectionForm form,
      CurrentAccount account,
      Long queryId) {
    CaseHeader header = access.editable(caseId, account);
    access.module(header, section);
    SectionInput.Result input =
        SectionInput.read(section, form.getValues(), form.getMissing(), form.getVersion());
    if (!input.problems().isEmpty()) {
      return new Outcome(input.problems(), itemId);
    }
    CaseData current = sectionReads.load(caseId);
    List<FieldProblem> problems = SaveChecks.errors(section, input.values(), current);
    if (!problems.isEmpty()) {
      return new Outcome(problems, itemId);
    }
    SectionValues before = null;
    long savedId;
    if (itemId == null) {
      savedId = sectionWriter.addItem(caseId, section, input.values(), account.username());
    } else {
      before =
          current.items(section).stream()
              .filter(item -> item.itemId() == itemId.longValue())
              .findFirst()
              .orElseThrow(EditConflictException::new);
      sectionWriter.updateItem(
          caseId, section, itemId, input.values(), form.getVersion(), account.username());
      savedId = itemId;
    }
    auditLog.record(
        header,
        CaseAuditLog.diff(
            section,
            savedId,
            before,
            input.values(),
            itemId == null ? AuditAction.ADD_ITEM : AuditAction.UPDATE,
            account.username()),
        queryId);
    derivedValues.recompute(caseId, account.username());
    return new Outcome(List.of(), savedId);
  }

  public void deleteItem(
      long caseId, Section section, long itemId, int version, CurrentAccount account) {
    CaseHeader header = access.editable(caseId, account);
    access.module(header, section);
    SectionValues before = reads.item(caseId, section, itemId, account);
    sectionWriter.deleteItem(caseId, section, itemId, version);
    auditLog.record(
        header,
        CaseAuditLog.diff(
            section, itemId, before, null, AuditAction.DELETE_ITEM, account.username()));
    derivedValues.recompute(caseId, account.username());
  }
}
