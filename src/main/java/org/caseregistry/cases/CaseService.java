package org.caseregistry.cases;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.catalog.CaseCodes.CaseStatus;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEvaluator;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases and their sections: who may see and change them (role and site, checked for every call),
 * validation, optimistic locking, the audit trail, and the derived values stored with each case.
 */
@Service
public class CaseService {

  private static final int HISTORY_LIMIT = 1000;

  private final CaseStore store;
  private final CaseAuditLog auditLog;
  private final SeriesService seriesService;
  private final CaseImporter importer;
  private final FormService formService;
  private final CustomValueStore customStore;
  private final CustomCalculations calculations;
  private final SignOffStore signOffs;

  CaseService(
      CaseStore store,
      CaseAuditLog auditLog,
      SeriesService seriesService,
      CaseImporter importer,
      FormService formService,
      CustomValueStore customStore,
      CustomCalculations calculations,
      SignOffStore signOffs) {
    this.store = store;
    this.auditLog = auditLog;
    this.seriesService = seriesService;
    this.importer = importer;
    this.formService = formService;
    this.customStore = customStore;
    this.calculations = calculations;
    this.signOffs = signOffs;
  }

  /** A case with everything recorded and derived, as the case page shows it. */
  public record CaseView(
      CaseHeader header,
      CaseData data,
      DerivedValues derived,
      boolean editable,
      boolean withdrawable,
      boolean deletable,
      boolean identifiersHidden,
      FormDefinition form,
      List<FormEvaluator.Warning> customWarnings,
      CaseSignOff signOff) {

    /** The built-in modules the series' form switches on, in catalog order. */
    public List<Section> modules() {
      return form.modules();
    }

    /** Whether the series uses the built-in module of this slug (e.g. "tumour"). */
    public boolean uses(String slug) {
      Section section = Section.fromSlug(slug);
      return section != null && form.hasModule(section);
    }
  }

  /** The outcome of a save that was not refused for a conflict: saved, or field problems. */
  public record SaveOutcome(List<FieldProblem> problems, Long itemId) {
    public boolean saved() {
      return problems.isEmpty();
    }
  }

  // ---------------------------------------------------------------- access

  /** The case if the account may see it; a case of another site answers 404, never its data. */
  @Transactional(readOnly = true)
  public CaseHeader readable(long caseId, CurrentAccount account) {
    CaseHeader header = store.header(caseId).orElseThrow(NotFoundException::new);
    if (!CasePolicy.canSee(account, header.siteId())) {
      throw new NotFoundException();
    }
    return header;
  }

  /** The case, locked for this transaction, if the account may change it now. */
  CaseHeader editable(long caseId, CurrentAccount account) {
    CaseHeader header = lockedReadable(caseId, account);
    if (header.isWithdrawn()) {
      throw new AccessDeniedException("A withdrawn case is read-only until it is restored");
    }
    return header;
  }

  /** The case, row-locked for this transaction; refused while the case is signed off as locked. */
  private CaseHeader lockedReadable(long caseId, CurrentAccount account) {
    readable(caseId, account);
    if (signOffs.lockAndRead(caseId) == SignOff.LOCKED) {
      throw new CaseLockedException();
    }
    // Read again under the lock: status and version may have changed while waiting.
    return readable(caseId, account);
  }

  // ---------------------------------------------------------------- reading

  @Transactional(readOnly = true)
  public CaseView view(long caseId, CurrentAccount account) {
    CaseHeader header = readable(caseId, account);
    FormDefinition form = formService.current(header.seriesId());
    CaseData data = store.load(caseId).withCustom(customStore.load(caseId, form));
    boolean hidden = !IdentifierPolicy.maySee(account, header.siteId());
    CaseSignOff signOff = signOffs.read(caseId);
    return new CaseView(
        header,
        hidden ? IdentifierPolicy.masked(data, form) : data,
        CaseRules.derive(data),
        !header.isWithdrawn() && !signOff.locked(),
        CasePolicy.canWithdraw(account) && !signOff.locked(),
        CasePolicy.canDelete(account) && !signOff.locked(),
        hidden,
        form,
        CustomRules.warnings(form, data),
        signOff);
  }

  /** The current form of the case's series. */
  @Transactional(readOnly = true)
  public FormDefinition form(long caseId, CurrentAccount account) {
    return formService.current(readable(caseId, account).seriesId());
  }

  /**
   * A built-in section the case's series does not use is not there for it: 404. Answers the series'
   * form, for callers that need it too.
   */
  private FormDefinition requireModule(CaseHeader header, Section section) {
    FormDefinition form = formService.current(header.seriesId());
    requireModule(form, section);
    return form;
  }

  private static void requireModule(FormDefinition form, Section section) {
    if (!form.hasModule(section)) {
      throw new NotFoundException();
    }
  }

  @Transactional(readOnly = true)
  public boolean isEmpty(long seriesId) {
    return store.countCases(seriesId) == 0;
  }

  @Transactional(readOnly = true)
  public SectionValues section(long caseId, Section section, CurrentAccount account) {
    CaseHeader header = readable(caseId, account);
    requireModule(header, section);
    SectionValues values = store.single(caseId, section).orElse(SectionValues.empty());
    return IdentifierPolicy.maySee(account, header.siteId())
        ? values
        : IdentifierPolicy.masked(values);
  }

  @Transactional(readOnly = true)
  public SectionValues item(long caseId, Section section, long itemId, CurrentAccount account) {
    requireModule(readable(caseId, account), section);
    return store.items(caseId, section).stream()
        .filter(item -> item.itemId() == itemId)
        .findFirst()
        .orElseThrow(NotFoundException::new);
  }

  @Transactional(readOnly = true)
  public List<CaseAuditLog.Entry> history(long caseId, CurrentAccount account) {
    CaseHeader header = readable(caseId, account);
    List<CaseAuditLog.Entry> history = auditLog.history(caseId, HISTORY_LIMIT);
    return IdentifierPolicy.maySee(account, header.siteId())
        ? history
        : IdentifierPolicy.masked(history, formService.current(header.seriesId()));
  }

  // ---------------------------------------------------------------- creating

  /** Creates a case, or returns the problems with its study code and site. */
  @Transactional
  public CreateOutcome create(
      long seriesId, String studyCode, Long siteId, boolean demo, CurrentAccount account) {
    if (!CasePolicy.canCreate(account)) {
      throw new AccessDeniedException("Only surgeons and admins create cases");
    }
    CaseSeries series = seriesService.visible(seriesId, account);
    String code = studyCode == null ? "" : studyCode.strip();
    List<FieldProblem> problems = headerProblems(series, code, siteId, null, account);
    if (!problems.isEmpty()) {
      return new CreateOutcome(null, problems);
    }
    Long caseId = store.createCase(seriesId, siteId, code, demo, account.username());
    if (caseId == null) {
      // Created by someone else between the check above and the insert.
      return new CreateOutcome(
          null, List.of(new FieldProblem("studyCode", "case.study-code.taken")));
    }
    CaseHeader header = store.header(caseId).orElseThrow();
    auditLog.event(header, "CREATE", "study_code", null, code, account.username());
    recomputeDerived(caseId, account);
    return new CreateOutcome(caseId, List.of());
  }

  public record CreateOutcome(Long caseId, List<FieldProblem> problems) {}

  /** Corrects the study code or the site of a case; refused on a stale version. */
  @Transactional
  public List<FieldProblem> updateHeader(
      long caseId, String studyCode, Long siteId, int version, CurrentAccount account) {
    CaseHeader header = editable(caseId, account);
    CaseSeries series = seriesService.visible(header.seriesId(), account);
    String code = studyCode == null ? "" : studyCode.strip();
    List<FieldProblem> problems = headerProblems(series, code, siteId, caseId, account);
    if (!problems.isEmpty()) {
      return problems;
    }
    store.updateHeader(caseId, code, siteId, version, account.username());
    List<CaseAuditLog.Entry> changes = new ArrayList<>();
    java.util.UUID changeSet = java.util.UUID.randomUUID();
    if (!code.equals(header.studyCode())) {
      changes.add(
          new CaseAuditLog.Entry(
              changeSet,
              null,
              null,
              "UPDATE",
              "study_code",
              header.studyCode(),
              code,
              account.username(),
              null));
    }
    if (siteId != header.siteId()) {
      changes.add(
          new CaseAuditLog.Entry(
              changeSet,
              null,
              null,
              "UPDATE",
              "site",
              header.siteCode(),
              siteCode(series, siteId),
              account.username(),
              null));
    }
    auditLog.record(header, changes);
    return List.of();
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
        .map(org.caseregistry.site.HospitalSite::getCode)
        .findFirst()
        .orElse(String.valueOf(siteId));
  }

  // ---------------------------------------------------------------- sections

  /**
   * Saves a single section. Field problems refuse the save and come back to the form; a stale
   * version throws {@link org.caseregistry.platform.EditConflictException}.
   */
  @Transactional
  public SaveOutcome saveSection(
      long caseId, Section section, SectionForm form, CurrentAccount account) {
    return saveSection(caseId, section, form, account, null);
  }

  private SaveOutcome saveSection(
      long caseId, Section section, SectionForm form, CurrentAccount account, Long queryId) {
    CaseHeader header = editable(caseId, account);
    FormDefinition seriesForm = requireModule(header, section);
    boolean identifiersHidden = !IdentifierPolicy.maySee(account, header.siteId());
    List<FieldProblem> refused = identifiersHidden ? identifiersGiven(form) : List.of();
    if (!refused.isEmpty()) {
      return new SaveOutcome(refused, null);
    }
    SectionInput.Result input =
        SectionInput.read(section, form.getValues(), form.getMissing(), form.getVersion());
    if (!input.problems().isEmpty()) {
      return new SaveOutcome(input.problems(), null);
    }
    CaseData current = store.load(caseId);
    if (identifiersHidden) {
      input =
          new SectionInput.Result(
              keepIdentifiers(input.values(), current.single(section)), List.of());
    }
    List<FieldProblem> problems = CaseRules.errors(section, input.values(), current);
    if (!problems.isEmpty()) {
      return new SaveOutcome(problems, null);
    }
    SectionValues before = current.singles().get(section);
    store.saveSingle(caseId, section, input.values(), form.getVersion(), account.username());
    auditLog.record(
        header,
        CaseAuditLog.diff(section, null, before, input.values(), "UPDATE", account.username()),
        queryId);
    // The case is locked: what was read plus what was written is the whole case, no reload needed.
    CaseData now = current.with(section, input.values());
    store.updateDerived(caseId, CaseRules.derive(now), account.username());
    if (seriesForm.hasCustomFields()) {
      calculations.refresh(
          header,
          seriesForm,
          now.withCustom(customStore.load(caseId, seriesForm)),
          account.username());
    }
    return new SaveOutcome(List.of(), null);
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
  @Transactional
  public SaveOutcome saveSections(
      long caseId, List<Section> sections, SectionForm form, CurrentAccount account) {
    CaseHeader header = editable(caseId, account);
    boolean identifiersHidden = !IdentifierPolicy.maySee(account, header.siteId());
    List<FieldProblem> problems =
        new ArrayList<>(identifiersHidden ? identifiersGiven(form) : List.of());
    if (!problems.isEmpty()) {
      return new SaveOutcome(problems, null);
    }
    Map<Section, SectionValues> inputs = new EnumMap<>(Section.class);
    FormDefinition seriesForm = formService.current(header.seriesId());
    for (Section section : sections) {
      requireModule(seriesForm, section);
      SectionForm part = form.forSection(section);
      SectionInput.Result input =
          SectionInput.read(section, part.getValues(), part.getMissing(), part.getVersion());
      problems.addAll(input.problems());
      inputs.put(section, input.values());
    }
    if (!problems.isEmpty()) {
      return new SaveOutcome(problems, null);
    }
    CaseData current = store.load(caseId);
    if (identifiersHidden) {
      inputs.replaceAll((section, read) -> keepIdentifiers(read, current.single(section)));
    }
    CaseData merged = current;
    for (Map.Entry<Section, SectionValues> input : inputs.entrySet()) {
      merged = merged.with(input.getKey(), input.getValue());
    }
    for (Map.Entry<Section, SectionValues> input : inputs.entrySet()) {
      problems.addAll(CaseRules.errors(input.getKey(), input.getValue(), merged));
    }
    if (!problems.isEmpty()) {
      return new SaveOutcome(problems, null);
    }
    for (Map.Entry<Section, SectionValues> input : inputs.entrySet()) {
      Section section = input.getKey();
      List<CaseAuditLog.Entry> changes =
          CaseAuditLog.diff(
              section,
              null,
              current.singles().get(section),
              input.getValue(),
              "UPDATE",
              account.username());
      if (changes.isEmpty()) {
        // Left as it was: not written, so that nobody else's save of it conflicts for nothing.
        continue;
      }
      store.saveSingle(
          caseId, section, input.getValue(), input.getValue().version(), account.username());
      auditLog.record(header, changes);
    }
    store.updateDerived(caseId, CaseRules.derive(merged), account.username());
    return new SaveOutcome(List.of(), null);
  }

  /** Adds an item to a list section, or updates it when {@code itemId} is given. */
  @Transactional
  public SaveOutcome saveItem(
      long caseId, Section section, Long itemId, SectionForm form, CurrentAccount account) {
    return saveItem(caseId, section, itemId, form, account, null);
  }

  private SaveOutcome saveItem(
      long caseId,
      Section section,
      Long itemId,
      SectionForm form,
      CurrentAccount account,
      Long queryId) {
    CaseHeader header = editable(caseId, account);
    requireModule(header, section);
    SectionInput.Result input =
        SectionInput.read(section, form.getValues(), form.getMissing(), form.getVersion());
    if (!input.problems().isEmpty()) {
      return new SaveOutcome(input.problems(), itemId);
    }
    CaseData current = store.load(caseId);
    List<FieldProblem> problems = CaseRules.errors(section, input.values(), current);
    if (!problems.isEmpty()) {
      return new SaveOutcome(problems, itemId);
    }
    SectionValues before = null;
    long savedId;
    if (itemId == null) {
      savedId = store.addItem(caseId, section, input.values(), account.username());
    } else {
      before =
          current.items(section).stream()
              .filter(item -> item.itemId() == itemId.longValue())
              .findFirst()
              .orElseThrow(org.caseregistry.platform.EditConflictException::new);
      store.updateItem(
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
            itemId == null ? "ADD_ITEM" : "UPDATE",
            account.username()),
        queryId);
    recomputeDerived(caseId, account);
    return new SaveOutcome(List.of(), savedId);
  }

  @Transactional
  public void deleteItem(
      long caseId, Section section, long itemId, int version, CurrentAccount account) {
    CaseHeader header = editable(caseId, account);
    requireModule(header, section);
    SectionValues before = item(caseId, section, itemId, account);
    store.deleteItem(caseId, section, itemId, version);
    auditLog.record(
        header,
        CaseAuditLog.diff(section, itemId, before, null, "DELETE_ITEM", account.username()));
    recomputeDerived(caseId, account);
  }

  // ---------------------------------------------------------------- corrections from elsewhere

  /**
   * The outcome of correcting one field: saved (with the value before and after as the audit trail
   * shows them) or refused with the problems of the normal save.
   */
  public record Correction(SaveOutcome outcome, String oldValue, String newValue) {}

  /**
   * Corrects one field of a section or list item through the normal save (same access, checks,
   * optimistic locking and derived values), the audit entries linked to the field query it was made
   * from. The text is what a form field would hold; empty clears the value.
   */
  @Transactional
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
    editable(caseId, account);
    SectionValues stored =
        itemId == null
            ? store.single(caseId, section).orElse(SectionValues.empty())
            : item(caseId, section, itemId, account);
    SectionForm form = SectionForm.of(section, stored);
    String before = form.getValues().get(variable);
    form.getValues().put(variable, text == null ? "" : text.strip());
    form.getMissing().put(variable, "");
    SaveOutcome outcome =
        itemId == null
            ? saveSection(caseId, section, form, account, queryId)
            : saveItem(caseId, section, itemId, form, account, queryId);
    return new Correction(outcome, before, form.getValues().get(variable));
  }

  /**
   * Writes a step of a field query (opened, answered, closed, …) into the case's audit trail, so
   * that the case's history shows the conversation beside the changes it led to.
   */
  @Transactional
  public void recordQueryStep(
      long caseId,
      String action,
      String field,
      String oldValue,
      String newValue,
      CurrentAccount account,
      Long queryId) {
    CaseHeader header = readable(caseId, account);
    auditLog.record(
        header,
        List.of(
            new CaseAuditLog.Entry(
                UUID.randomUUID(),
                null,
                null,
                action,
                field,
                oldValue,
                newValue,
                account.username(),
                null)),
        queryId);
  }

  /** A query step of one case, for {@link #recordQuerySteps}. */
  public record QueryStep(long caseId, long queryId, String action, String text) {}

  /**
   * Writes many query steps of one series into the audit trail with a fixed number of statements
   * (raising queries in bulk); steps of cases the account may not see are refused.
   */
  @Transactional
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
              step.queryId()));
    }
    auditLog.recordEach(owners, entries, null);
  }

  // ---------------------------------------------------------------- withdrawal and deletion

  @Transactional
  public void withdraw(long caseId, String reason, CurrentAccount account) {
    if (!CasePolicy.canWithdraw(account)) {
      throw new AccessDeniedException("Only coordinators and admins withdraw cases");
    }
    CaseHeader header = lockedReadable(caseId, account);
    store.setStatus(caseId, CaseStatus.WITHDRAWN, reason, account.username());
    auditLog.event(
        header,
        "WITHDRAW",
        "status",
        header.status().name(),
        CaseStatus.WITHDRAWN.name() + ": " + reason,
        account.username());
  }

  @Transactional
  public void restore(long caseId, CurrentAccount account) {
    if (!CasePolicy.canWithdraw(account)) {
      throw new AccessDeniedException("Only coordinators and admins restore cases");
    }
    CaseHeader header = lockedReadable(caseId, account);
    store.setStatus(caseId, CaseStatus.ACTIVE, null, account.username());
    auditLog.event(
        header,
        "RESTORE",
        "status",
        header.status().name(),
        CaseStatus.ACTIVE.name(),
        account.username());
  }

  /** Permanent deletion: admins only, confirmed by typing the study code. */
  @Transactional
  public boolean delete(long caseId, String confirmation, CurrentAccount account) {
    if (!CasePolicy.canDelete(account)) {
      throw new AccessDeniedException("Only admins delete cases permanently");
    }
    CaseHeader header = lockedReadable(caseId, account);
    if (confirmation == null || !confirmation.strip().equalsIgnoreCase(header.studyCode())) {
      return false;
    }
    auditLog.event(header, "DELETE", "study_code", header.studyCode(), null, account.username());
    store.purge(caseId);
    return true;
  }

  // ---------------------------------------------------------------- bulk import and export

  /** A dry run: what {@link #importCases} would do, and every problem; writes nothing. */
  @Transactional(readOnly = true)
  public CaseImportResult checkImport(CaseImport.Request request, CurrentAccount account) {
    CaseSeries series = seriesService.visible(request.seriesId(), account);
    return importer.run(series, request, account, false);
  }

  /**
   * Imports the cases in one transaction, all or nothing: judged again against what is stored now,
   * written only when no case has a problem. Any failure while writing (a conflict with a
   * concurrent edit, a constraint) rolls everything back.
   */
  @Transactional
  public CaseImportResult importCases(CaseImport.Request request, CurrentAccount account) {
    CaseSeries series = seriesService.visible(request.seriesId(), account);
    return importer.run(series, request, account, true);
  }

  /** A case with everything recorded for it, as an export in the import format needs it. */
  public record StoredCase(CaseHeader header, CaseData data) {}

  /**
   * The active cases of a series that the account may see, with all their sections, read with a
   * fixed number of statements; ordered by site and study code.
   */
  @Transactional(readOnly = true)
  public List<StoredCase> casesOfSeries(long seriesId, CurrentAccount account) {
    seriesService.visible(seriesId, account);
    List<CaseHeader> headers =
        store.headersOfSeries(seriesId).stream()
            .filter(header -> CasePolicy.canSee(account, header.siteId()) && !header.isWithdrawn())
            .sorted(
                java.util.Comparator.comparing(CaseHeader::siteCode)
                    .thenComparing(header -> header.studyCode().length())
                    .thenComparing(CaseHeader::studyCode))
            .toList();
    Set<Long> ids = headers.stream().map(CaseHeader::id).collect(Collectors.toSet());
    Map<Long, CaseData> data = store.loadSeries(seriesId, ids);
    FormDefinition form = formService.current(seriesId);
    Map<Long, CustomData> custom =
        form.sections().isEmpty() ? Map.of() : customStore.loadSeries(seriesId, ids, form);
    return headers.stream()
        .map(
            header ->
                new StoredCase(
                    header,
                    data.get(header.id())
                        .withCustom(custom.getOrDefault(header.id(), CustomData.EMPTY))))
        .toList();
  }

  private void recomputeDerived(long caseId, CurrentAccount account) {
    store.updateDerived(caseId, CaseRules.derive(store.load(caseId)), account.username());
  }
}
