package org.caseregistry.cases.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CaseImport;
import org.caseregistry.cases.CaseImportResult;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.CustomData;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.IdentifierPolicy;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.storage.CaseBulkWriter;
import org.caseregistry.cases.storage.CaseSectionReads;
import org.caseregistry.cases.storage.CaseStore;
import org.caseregistry.cases.storage.CustomValueStore;
import org.caseregistry.cases.storage.SignOffStore;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.site.SiteService;
import org.springframework.stereotype.Component;

/**
 * The bulk path behind {@link CaseService#importCases}: judges every case of a chunk of an import
 * in memory against what the series already holds (read with a fixed number of statements per
 * chunk), and hands the accepted ones to {@link CaseBulkWriter}. The rules are the ones a form save
 * applies; {@link ChunkedCaseImport} runs the chunks.
 */
@Component
public class CaseImporter {

  static final String STUDY_CODE = "study_code";
  static final String SITE_CODE = "site_code";

  private final CaseStore store;
  private final CaseSectionReads sectionReads;
  private final CaseBulkWriter writer;
  private final SiteService siteService;
  private final SignOffStore signOffs;

  private final FormService forms;
  private final CustomValueStore customStore;
  private final CustomImportWriter customWriter;

  CaseImporter(
      CaseStore store,
      CaseSectionReads sectionReads,
      CaseBulkWriter writer,
      SiteService siteService,
      SignOffStore signOffs,
      FormService forms,
      CustomValueStore customStore,
      CustomImportWriter customWriter) {
    this.store = store;
    this.sectionReads = sectionReads;
    this.writer = writer;
    this.siteService = siteService;
    this.signOffs = signOffs;
    this.forms = forms;
    this.customStore = customStore;
    this.customWriter = customWriter;
  }

  /** What every chunk of one import is judged with, read once per import. */
  record Judging(
      Map<String, HospitalSite> sitesByCode,
      Set<Long> locked,
      FormDefinition form,
      Set<String> seen) {}

  Judging judging(CaseSeries series, boolean updateExisting) {
    Map<String, HospitalSite> sitesByCode = new HashMap<>();
    for (HospitalSite site : siteService.all()) {
      sitesByCode.put(site.getCode().toLowerCase(Locale.ROOT), site);
    }
    Set<Long> locked = updateExisting ? signOffs.lockedCases(series.getId()) : Set.of();
    return new Judging(sitesByCode, locked, forms.current(series.getId()), new HashSet<>());
  }

  /**
   * Judges one chunk of an import (a study code of the import in one chunk only, which {@code
   * judging} remembers), and writes it when {@code write} and no case of the chunk has a problem.
   */
  CaseImportResult run(
      CaseSeries series,
      CaseImport.Request request,
      CurrentAccount account,
      boolean write,
      Judging judging) {
    Map<String, HospitalSite> sitesByCode = judging.sitesByCode();
    // Only the file's cases are read, never the whole series: memory follows the file.
    Set<String> codes = new HashSet<>();
    for (CaseImport imported : request.cases()) {
      if (imported.studyCode() != null && !imported.studyCode().isBlank()) {
        codes.add(imported.studyCode().strip());
      }
    }
    Map<String, CaseHeader> existing = store.headersOfCodes(series.getId(), codes);
    Set<Long> locked = judging.locked();
    Set<Long> toLoad = new HashSet<>();
    if (request.updateExisting()) {
      for (CaseImport imported : request.cases()) {
        CaseHeader header = existing.get(lower(imported.studyCode()));
        if (header != null) {
          toLoad.add(header.id());
        }
      }
    }
    FormDefinition form = judging.form();
    Map<Long, CaseData> stored =
        toLoad.isEmpty() ? Map.of() : sectionReads.loadSeries(series.getId(), toLoad);
    if (!toLoad.isEmpty() && !form.sections().isEmpty()) {
      Map<Long, CustomData> custom = customStore.loadSeries(series.getId(), toLoad, form);
      Map<Long, CaseData> withCustom = new HashMap<>();
      stored.forEach(
          (id, data) ->
              withCustom.put(id, data.withCustom(custom.getOrDefault(id, CustomData.EMPTY))));
      stored = withCustom;
    }
    Map<String, Long> revisionsNow = store.revisionsOfCodes(series.getId(), codes);
    Map<String, Long> revisionsSeen = new HashMap<>();

    List<CaseImportResult.CaseOutcome> outcomes = new ArrayList<>();
    List<CaseImportResult.Problem> problems = new ArrayList<>();
    List<CaseBulkWriter.NewCase> newCases = new ArrayList<>();
    List<CaseBulkWriter.ChangedCase> changedCases = new ArrayList<>();
    Set<String> seen = judging.seen();
    for (CaseImport imported : request.cases()) {
      String code = imported.studyCode() == null ? "" : imported.studyCode().strip();
      if (!code.isEmpty() && !seen.add(lower(code))) {
        throw new IllegalArgumentException("Study code twice in one import: " + code);
      }
      List<CaseImportResult.Problem> caseProblems = new ArrayList<>();
      Found found =
          (field, key, args) ->
              caseProblems.add(
                  new CaseImportResult.Problem(
                      imported.ref(), null, null, field, key, List.of(args)));
      if (code.isEmpty()) {
        found.add(STUDY_CODE, "import.study-code.required");
      } else if (code.length() > 30 || !code.matches("[\\p{L}\\p{N}._-]+")) {
        found.add(STUDY_CODE, "case.study-code.pattern");
      }
      HospitalSite site = site(imported.siteCode(), series, account, sitesByCode, found);
      CaseHeader header = code.isEmpty() ? null : existing.get(lower(code));
      if (!code.isEmpty()) {
        long revision = revisionsNow.getOrDefault(lower(code), 0L);
        revisionsSeen.put(lower(code), revision);
        Map<String, Long> expected = request.expectedRevisions();
        if (expected != null && expected.getOrDefault(lower(code), 0L) != revision) {
          // Saved, created or deleted since the dry run: the user must see what the file does now.
          found.add(STUDY_CODE, "import.case.changed-since-check");
        }
      }
      boolean blocked = false;
      CaseData before = CaseData.empty();
      if (header != null) {
        if (!CasePolicy.canSee(account, header.siteId())) {
          // Say nothing of another site's cases: not where, not even that it is a case there.
          found.add(STUDY_CODE, "import.case.code-unavailable");
          blocked = true;
        } else if (!request.updateExisting()) {
          found.add(STUDY_CODE, "import.case.exists");
          blocked = true;
        } else if (header.isWithdrawn()) {
          found.add(STUDY_CODE, "import.case.withdrawn");
          blocked = true;
        } else if (locked.contains(header.id())) {
          found.add(STUDY_CODE, "import.case.locked");
          blocked = true;
        } else {
          if (site != null && site.getId() != header.siteId()) {
            found.add(SITE_CODE, "import.case.other-site", header.siteCode());
          }
          before = stored.getOrDefault(header.id(), CaseData.empty());
        }
      } else if (!CasePolicy.canCreate(account)) {
        found.add(STUDY_CODE, "import.case.create-not-allowed");
        blocked = true;
      }
      Long caseSite =
          header != null ? Long.valueOf(header.siteId()) : site == null ? null : site.getId();
      if (caseSite != null && !IdentifierPolicy.maySee(account, caseSite)) {
        // Who may not see identifiers may not write them either (nor learn from "unchanged").
        for (String identifier : IdentifierPolicy.VARIABLES) {
          SectionValues given = imported.data().single(CaseVariables.get(identifier).section());
          if (given.get(identifier) != null || given.missing().containsKey(identifier)) {
            found.add(identifier, "case.identifier.not-allowed");
            blocked = true;
          }
        }
      }
      CaseData after =
          CaseImportMerge.merge(form, before, imported.data(), CaseImportMerge.Present.of(request));
      caseProblems.addAll(CaseImportChecks.ruleErrors(imported.ref(), after));
      problems.addAll(caseProblems);
      if (blocked) {
        continue;
      }
      DerivedValues derived = DerivedValues.derivedFrom(after);
      if (header == null) {
        outcomes.add(
            new CaseImportResult.CaseOutcome(
                imported.ref(), code, CaseImportResult.Kind.NEW, List.of(), derived.warnings()));
        if (site != null) {
          newCases.add(new CaseBulkWriter.NewCase(code, site.getId(), after, derived));
        }
      } else {
        List<String> changed = CaseImportChecks.changedFields(form, before, after);
        outcomes.add(
            new CaseImportResult.CaseOutcome(
                imported.ref(),
                header.studyCode(),
                changed.isEmpty() ? CaseImportResult.Kind.UNCHANGED : CaseImportResult.Kind.UPDATED,
                changed,
                derived.warnings()));
        if (!changed.isEmpty()) {
          changedCases.add(new CaseBulkWriter.ChangedCase(header, before, after, derived));
        }
      }
    }
    boolean written = write && problems.isEmpty();
    if (written) {
      writer.insert(series.getId(), newCases, account.username());
      writer.update(changedCases, account.username(), request.source());
      customWriter.write(series.getId(), form, newCases, changedCases, account.username());
    }
    return new CaseImportResult(outcomes, problems, written, Map.copyOf(revisionsSeen));
  }

  /** Adds a problem of the case being judged. */
  private interface Found {
    void add(String field, String key, Object... args);
  }

  private static HospitalSite site(
      String siteCode,
      CaseSeries series,
      CurrentAccount account,
      Map<String, HospitalSite> sitesByCode,
      Found found) {
    String code = siteCode == null ? "" : siteCode.strip();
    if (code.isEmpty()) {
      found.add(SITE_CODE, "import.site.required");
      return null;
    }
    HospitalSite site = sitesByCode.get(lower(code));
    if (site == null) {
      found.add(SITE_CODE, "import.site.unknown", code);
      return null;
    }
    if (!series.includesSite(site.getId())) {
      found.add(SITE_CODE, "import.site.not-in-series", code);
      return null;
    }
    if (!CasePolicy.canSee(account, site.getId())) {
      found.add(SITE_CODE, "import.site.not-yours", code);
      return null;
    }
    return site;
  }

  private static String lower(String code) {
    return code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
  }
}
