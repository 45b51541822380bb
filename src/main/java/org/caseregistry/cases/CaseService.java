package org.caseregistry.cases;

import java.util.List;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.importer.ChunkedCaseImport;
import org.caseregistry.cases.operations.CaseAccess;
import org.caseregistry.cases.operations.CaseReads;
import org.caseregistry.cases.operations.CaseRegistration;
import org.caseregistry.cases.operations.CaseStatusChanges;
import org.caseregistry.cases.operations.FieldCorrections;
import org.caseregistry.cases.operations.SectionSaves;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEvaluator;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.SeriesService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's entry point for one case and its sections, used by the pages, the API, the
 * field queries, the import and the demo data: each call is one transaction, and each is handed to
 * the part that does that one job: {@link CaseAccess} (may this account see or change this case
 * now), {@link CaseReads}, {@link CaseRegistration} (new cases, study code and site), {@link
 * SectionSaves}, {@link FieldCorrections} (what field queries do to a case), {@link
 * CaseStatusChanges} (withdraw, restore, delete) and {@link ChunkedCaseImport}. Who may do what is
 * {@link CasePolicy}'s.
 */
@Service
public class CaseService {

  private final CaseAccess access;
  private final CaseReads reads;
  private final CaseRegistration registration;
  private final SectionSaves saves;
  private final FieldCorrections corrections;
  private final CaseStatusChanges statusChanges;
  private final ChunkedCaseImport chunkedImport;
  private final SeriesService seriesService;

  CaseService(
      CaseAccess access,
      CaseReads reads,
      CaseRegistration registration,
      SectionSaves saves,
      FieldCorrections corrections,
      CaseStatusChanges statusChanges,
      ChunkedCaseImport chunkedImport,
      SeriesService seriesService) {
    this.access = access;
    this.reads = reads;
    this.registration = registration;
    this.saves = saves;
    this.corrections = corrections;
    this.statusChanges = statusChanges;
    this.chunkedImport = chunkedImport;
    this.seriesService = seriesService;
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

  /**
   * The outcome of correcting one field: saved (with the value before and after as the audit trail
   * shows them) or refused with the problems of the normal save.
   */
  public record Correction(Outcome outcome, String oldValue, String newValue) {}

  /** A query step of one case, for {@link #recordQuerySteps}. */
  public record QueryStep(long caseId, long queryId, AuditAction action, String text) {}

  /** A case with everything recorded for it, as an export in the import format needs it. */
  public record StoredCase(CaseHeader header, CaseData data) {}

  // ---------------------------------------------------------------- access

  /** The case if the account may see it; a case of another site answers 404, never its data. */
  @Transactional(readOnly = true)
  public CaseHeader readable(long caseId, CurrentAccount account) {
    return access.readable(caseId, account);
  }

  // ---------------------------------------------------------------- reading

  @Transactional(readOnly = true)
  public CaseView view(long caseId, CurrentAccount account) {
    return reads.view(caseId, account);
  }

  /** The current form of the case's series. */
  @Transactional(readOnly = true)
  public FormDefinition form(long caseId, CurrentAccount account) {
    return reads.form(caseId, account);
  }

  @Transactional(readOnly = true)
  public boolean isEmpty(long seriesId) {
    return reads.isEmpty(seriesId);
  }

  @Transactional(readOnly = true)
  public SectionValues section(long caseId, Section section, CurrentAccount account) {
    return reads.section(caseId, section, account);
  }

  @Transactional(readOnly = true)
  public SectionValues item(long caseId, Section section, long itemId, CurrentAccount account) {
    return reads.item(caseId, section, itemId, account);
  }

  @Transactional(readOnly = true)
  public List<CaseAuditLog.Entry> history(long caseId, CurrentAccount account) {
    return reads.history(caseId, account);
  }

  /**
   * The active cases of a series that the account may see, with all their sections, read with a
   * fixed number of statements; ordered by site and study code.
   */
  @Transactional(readOnly = true)
  public List<StoredCase> casesOfSeries(long seriesId, CurrentAccount account) {
    return reads.casesOfSeries(seriesId, account);
  }

  // ---------------------------------------------------------------- creating

  /** Creates a case, or returns the problems with its study code and site. */
  @Transactional
  public Outcome create(
      long seriesId, String studyCode, Long siteId, boolean demo, CurrentAccount account) {
    return registration.create(seriesId, studyCode, siteId, demo, account);
  }

  /** Corrects the study code or the site of a case; a stale version throws. */
  @Transactional
  public Outcome updateHeader(
      long caseId, String studyCode, Long siteId, int version, CurrentAccount account) {
    return registration.updateHeader(caseId, studyCode, siteId, version, account);
  }

  // ---------------------------------------------------------------- sections

  /**
   * Saves a single section. Field problems refuse the save and come back to the form; a stale
   * version throws {@link EditConflictException}.
   */
  @Transactional
  public Outcome saveSection(
      long caseId, Section section, SectionForm form, CurrentAccount account) {
    return saves.saveSection(caseId, section, form, account, null);
  }

  /**
   * Saves several single sections from one page, all or nothing; a stale version of any of them
   * throws {@link EditConflictException} and writes nothing.
   */
  @Transactional
  public Outcome saveSections(
      long caseId, List<Section> sections, SectionForm form, CurrentAccount account) {
    return saves.saveSections(caseId, sections, form, account);
  }

  /** Adds an item to a list section, or updates it when {@code itemId} is given. */
  @Transactional
  public Outcome saveItem(
      long caseId, Section section, Long itemId, SectionForm form, CurrentAccount account) {
    return saves.saveItem(caseId, section, itemId, form, account, null);
  }

  @Transactional
  public void deleteItem(
      long caseId, Section section, long itemId, int version, CurrentAccount account) {
    saves.deleteItem(caseId, section, itemId, version, account);
  }

  // ---------------------------------------------------------------- corrections from elsewhere

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
    return corrections.correctField(caseId, section, itemId, variable, text, account, queryId);
  }

  /** Writes a step of a field query (opened, answered, closed, …) into the case's audit trail. */
  @Transactional
  public void recordQueryStep(
      long caseId,
      AuditAction action,
      String field,
      String oldValue,
      String newValue,
      CurrentAccount account,
      Long queryId) {
    corrections.recordQueryStep(caseId, action, field, oldValue, newValue, account, queryId);
  }

  /** Writes many query steps of one series with a fixed number of statements. */
  @Transactional
  public void recordQuerySteps(long seriesId, List<QueryStep> steps, CurrentAccount account) {
    corrections.recordQuerySteps(seriesId, steps, account);
  }

  // ---------------------------------------------------------------- withdrawal and deletion

  @Transactional
  public void withdraw(long caseId, String reason, CurrentAccount account) {
    statusChanges.withdraw(caseId, reason, account);
  }

  @Transactional
  public void restore(long caseId, CurrentAccount account) {
    statusChanges.restore(caseId, account);
  }

  /** Permanent deletion: admins only, confirmed by typing the study code. */
  @Transactional
  public Outcome delete(long caseId, String confirmation, CurrentAccount account) {
    return statusChanges.delete(caseId, confirmation, account);
  }

  // ---------------------------------------------------------------- bulk import

  /**
   * A dry run: what {@link #importCases} would do, and every problem; writes nothing. The chunks'
   * outcomes and problems go to {@link CaseImportChunks#judged}.
   */
  @Transactional(readOnly = true)
  public CaseImportTotals checkImport(CaseImportChunks chunks, CurrentAccount account) {
    CaseSeries series = seriesService.visible(chunks.seriesId(), account);
    return chunkedImport.run(series, chunks, account, false);
  }

  /**
   * Imports the cases in one transaction, all or nothing, a chunk at a time: judged again against
   * what is stored now, written only when no case (and no chunk the caller read) has a problem. A
   * problem in a later chunk, or any failure while writing (a conflict with a concurrent edit, a
   * constraint), rolls everything back, earlier chunks too.
   */
  @Transactional
  public CaseImportTotals importCases(CaseImportChunks chunks, CurrentAccount account) {
    CaseSeries series = seriesService.visible(chunks.seriesId(), account);
    return chunkedImport.run(series, chunks, account, true);
  }
}
