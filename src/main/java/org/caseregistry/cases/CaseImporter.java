package org.caseregistry.cases;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEvaluator;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.site.SiteService;
import org.springframework.stereotype.Component;

/**
 * The bulk path behind {@link CaseService#importCases}: judges every case of an import in memory
 * against what the series already holds (read with a fixed number of statements), and hands the
 * accepted ones to {@link CaseBulkWriter}. The rules are the ones a form save applies.
 */
@Component
class CaseImporter {

  static final String STUDY_CODE = "study_code";
  static final String SITE_CODE = "site_code";

  private final CaseStore store;
  private final CaseBulkWriter writer;
  private final SiteService siteService;
  private final SignOffStore signOffs;

  private final FormService forms;
  private final CustomValueStore customStore;
  private final CustomImportWriter customWriter;

  CaseImporter(
      CaseStore store,
      CaseBulkWriter writer,
      SiteService siteService,
      SignOffStore signOffs,
      FormService forms,
      CustomValueStore customStore,
      CustomImportWriter customWriter) {
    this.store = store;
    this.writer = writer;
    this.siteService = siteService;
    this.signOffs = signOffs;
    this.forms = forms;
    this.customStore = customStore;
    this.customWriter = customWriter;
  }

  CaseImportResult run(
      CaseSeries series, CaseImport.Request request, CurrentAccount account, boolean write) {
    Map<String, HospitalSite> sitesByCode = new HashMap<>();
    for (HospitalSite site : siteService.all()) {
      sitesByCode.put(site.getCode().toLowerCase(Locale.ROOT), site);
    }
    Map<String, CaseHeader> existing = new HashMap<>();
    for (CaseHeader header : store.headersOfSeries(series.getId())) {
      existing.put(header.studyCode().toLowerCase(Locale.ROOT), header);
    }
    Set<Long> locked = request.updateExisting() ? signOffs.lockedCases(series.getId()) : Set.of();
    Set<Long> toLoad = new HashSet<>();
    if (request.updateExisting()) {
      for (CaseImport imported : request.cases()) {
        CaseHeader header = existing.get(lower(imported.studyCode()));
        if (header != null) {
          toLoad.add(header.id());
        }
      }
    }
    FormDefinition form = forms.current(series.getId());
    Map<Long, CaseData> stored =
        toLoad.isEmpty() ? Map.of() : store.loadSeries(series.getId(), toLoad);
    if (!toLoad.isEmpty() && !form.sections().isEmpty()) {
      Map<Long, CustomData> custom = customStore.loadSeries(series.getId(), toLoad, form);
      Map<Long, CaseData> withCustom = new HashMap<>();
      stored.forEach(
          (id, data) ->
              withCustom.put(id, data.withCustom(custom.getOrDefault(id, CustomData.EMPTY))));
      stored = withCustom;
    }
    Map<String, Long> revisionsNow = store.revisionsOfSeries(series.getId());
    Map<String, Long> revisionsSeen = new HashMap<>();

    List<CaseImportResult.CaseOutcome> outcomes = new ArrayList<>();
    List<CaseImportResult.Problem> problems = new ArrayList<>();
    List<CaseBulkWriter.NewCase> newCases = new ArrayList<>();
    List<CaseBulkWriter.ChangedCase> changedCases = new ArrayList<>();
    Set<String> seen = new HashSet<>();
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
          merge(form, before, imported.data(), request.columns(), request.listSections());
      caseProblems.addAll(ruleErrors(imported.ref(), after));
      problems.addAll(caseProblems);
      if (blocked) {
        continue;
      }
      DerivedValues derived = CaseRules.derive(after);
      if (header == null) {
        outcomes.add(
            new CaseImportResult.CaseOutcome(
                imported.ref(), code, CaseImportResult.Kind.NEW, List.of(), derived.warnings()));
        if (site != null) {
          newCases.add(new CaseBulkWriter.NewCase(code, site.getId(), after, derived));
        }
      } else {
        List<String> changed = changedFields(form, before, after);
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

  // ---------------------------------------------------------------- merging

  /**
   * The case as it will be: what is stored, with every column the file has put over it. List items
   * are matched by position; a list sheet in the file replaces the list.
   */
  /**
   * The same for a series' form: its single custom sections are put over what is stored field by
   * field as the built-in ones are, then branched and calculated as a form save would.
   */
  static CaseData merge(
      FormDefinition form,
      CaseData stored,
      CaseData file,
      Set<String> columns,
      Set<Section> listSections) {
    CaseData merged = merge(stored, file, columns, listSections);
    if (form.sections().isEmpty()) {
      return merged;
    }
    CustomData custom = stored.custom();
    CaseData withStored = merged.withCustom(custom);
    FormEvaluator evaluator = CustomRules.evaluator(form, withStored);
    for (SectionDefinition section : form.sections()) {
      if (section.repeating()) {
        continue;
      }
      SectionValues base = stored.custom().singles().get(section.key());
      SectionValues given = file.custom().singles().get(section.key());
      if (given == null && base == null) {
        continue;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      Map<String, MissingReason> missing = new LinkedHashMap<>();
      for (FieldDefinition field : section.valueFields()) {
        SectionValues source =
            columns.contains(field.name()) && given != null && !field.retired() ? given : base;
        values.put(field.name(), source == null ? null : source.get(field.name()));
        MissingReason reason = source == null ? null : source.missing().get(field.name());
        if (reason != null) {
          missing.put(field.name(), reason);
        }
      }
      FormEvaluator.Applied applied = evaluator.apply(section, values, missing);
      custom =
          custom.with(
              section.key(),
              new SectionValues(
                  null, base == null ? 0 : base.version(), applied.values(), applied.missing()));
    }
    return merged.withCustom(custom);
  }

  static CaseData merge(
      CaseData stored, CaseData file, Set<String> columns, Set<Section> listSections) {
    Map<Section, SectionValues> singles = new EnumMap<>(Section.class);
    Map<Section, List<SectionValues>> lists = new EnumMap<>(Section.class);
    for (Section section : Section.values()) {
      if (!section.isList()) {
        SectionValues base = stored.singles().get(section);
        SectionValues merged = overlay(section, base, file.single(section), columns);
        if (base != null || merged.hasAnyValue()) {
          singles.put(section, merged);
        }
      } else if (!listSections.contains(section)) {
        lists.put(section, stored.items(section));
      } else {
        List<SectionValues> base = stored.items(section);
        List<SectionValues> fileItems = file.items(section);
        List<SectionValues> merged = new ArrayList<>();
        for (int i = 0; i < fileItems.size(); i++) {
          merged.add(
              overlay(section, i < base.size() ? base.get(i) : null, fileItems.get(i), columns));
        }
        lists.put(section, List.copyOf(merged));
      }
    }
    return new CaseData(singles, lists);
  }

  private static SectionValues overlay(
      Section section, SectionValues base, SectionValues file, Set<String> columns) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, MissingReason> missing = new LinkedHashMap<>();
    for (Variable variable : CaseVariables.of(section)) {
      String name = variable.name();
      SectionValues source = columns.contains(name) ? file : base;
      values.put(name, source == null ? null : source.get(name));
      MissingReason reason = source == null ? null : source.missing().get(name);
      if (reason != null) {
        missing.put(name, reason);
      }
    }
    return new SectionValues(
        base == null ? null : base.itemId(), base == null ? 0 : base.version(), values, missing);
  }

  // ---------------------------------------------------------------- rules

  /**
   * The hard errors of the whole case, as the forms would raise them section by section; a fact
   * that the forms report on either of two fields (dates out of order) is reported once.
   */
  static List<CaseImportResult.Problem> ruleErrors(int ref, CaseData data) {
    List<CaseImportResult.Problem> problems = new ArrayList<>();
    Set<String> facts = new HashSet<>();
    for (Section section : Section.values()) {
      if (section.isList()) {
        List<SectionValues> items = data.items(section);
        for (int i = 0; i < items.size(); i++) {
          for (FieldProblem problem : CaseRules.errors(section, items.get(i), data)) {
            if (facts.add(section + "#" + i + factKey(problem))) {
              problems.add(
                  new CaseImportResult.Problem(
                      ref,
                      section,
                      i,
                      problem.variable(),
                      problem.messageKey(),
                      problem.arguments()));
            }
          }
        }
      } else if (data.singles().containsKey(section)) {
        for (FieldProblem problem : CaseRules.errors(section, data.single(section), data)) {
          if (facts.add(factKey(problem))) {
            Section where = CaseVariables.get(problem.variable()).section();
            problems.add(
                new CaseImportResult.Problem(
                    ref,
                    where,
                    null,
                    problem.variable(),
                    problem.messageKey(),
                    problem.arguments()));
          }
        }
      }
    }
    return problems;
  }

  /** The variables a problem is about, whichever of them it is reported on. */
  private static String factKey(FieldProblem problem) {
    Set<String> variables = new TreeSet<>();
    variables.add(problem.variable());
    for (Object argument : problem.arguments()) {
      if (argument instanceof String name && CaseVariables.exists(name)) {
        variables.add(name);
      }
    }
    String kind =
        switch (problem.messageKey()) {
          case "error.date-before", "error.date-after" -> "date-order";
          case "error.born-after-operation" -> {
            variables.add("birth_year");
            variables.add("operation_date");
            yield "born-after-operation";
          }
          default -> problem.messageKey();
        };
    return kind + variables;
  }

  // ---------------------------------------------------------------- changes

  static List<String> changedFields(FormDefinition form, CaseData before, CaseData after) {
    List<String> changed = new ArrayList<>(changedFields(before, after));
    for (SectionDefinition section : form.sections()) {
      if (!section.repeating()) {
        for (CaseAuditLog.Entry entry :
            CaseAuditLog.diff(
                section,
                null,
                before.custom().singles().get(section.key()),
                after.custom().singles().get(section.key()),
                "UPDATE",
                "")) {
          changed.add(entry.field());
        }
      }
    }
    return List.copyOf(changed);
  }

  static List<String> changedFields(CaseData before, CaseData after) {
    Set<String> changed = new LinkedHashSet<>();
    for (Section section : Section.values()) {
      if (section.isList()) {
        List<SectionValues> old = before.items(section);
        List<SectionValues> now = after.items(section);
        for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
          SectionValues was = i < old.size() ? old.get(i) : null;
          SectionValues is = i < now.size() ? now.get(i) : null;
          for (CaseAuditLog.Entry entry : CaseAuditLog.diff(section, null, was, is, "UPDATE", "")) {
            changed.add(entry.field() + " (" + section.slug() + " " + (i + 1) + ")");
          }
        }
      } else {
        for (CaseAuditLog.Entry entry :
            CaseAuditLog.diff(
                section,
                null,
                before.singles().get(section),
                after.singles().get(section),
                "UPDATE",
                "")) {
          changed.add(entry.field());
        }
      }
    }
    return List.copyOf(changed);
  }

  private static String lower(String code) {
    return code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
  }
}
