package org.caseregistry.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.springframework.stereotype.Component;

/**
 * Writes what an import changes in the custom sections of its cases, after the built-in sections
 * ({@link CaseBulkWriter}) and in the same transaction: one batched upsert for every section
 * changed and one batched insert of their audit entries, whatever the number of cases. A series
 * without custom sections costs no statement.
 */
@Component
class CustomImportWriter {

  private final CaseStore store;
  private final CustomValueStore customStore;
  private final CaseAuditLog auditLog;

  CustomImportWriter(CaseStore store, CustomValueStore customStore, CaseAuditLog auditLog) {
    this.store = store;
    this.customStore = customStore;
    this.auditLog = auditLog;
  }

  void write(
      long seriesId,
      FormDefinition form,
      List<CaseBulkWriter.NewCase> newCases,
      List<CaseBulkWriter.ChangedCase> changedCases,
      String user) {
    if (form.sections().isEmpty()) {
      return;
    }
    List<CustomValueStore.Upsert> upserts = new ArrayList<>();
    List<CaseHeader> auditHeaders = new ArrayList<>();
    List<CaseAuditLog.Entry> entries = new ArrayList<>();
    if (newCases.stream().anyMatch(c -> !c.data().custom().singles().isEmpty())) {
      Map<String, CaseHeader> created =
          store.headersOfCodes(
              seriesId, newCases.stream().map(CaseBulkWriter.NewCase::studyCode).toList());
      for (CaseBulkWriter.NewCase newCase : newCases) {
        CaseHeader header = created.get(newCase.studyCode().toLowerCase(Locale.ROOT));
        collect(
            form,
            header,
            CustomData.EMPTY,
            newCase.data().custom(),
            upserts,
            auditHeaders,
            entries,
            user);
      }
    }
    for (CaseBulkWriter.ChangedCase changed : changedCases) {
      collect(
          form,
          changed.header(),
          changed.before().custom(),
          changed.after().custom(),
          upserts,
          auditHeaders,
          entries,
          user);
    }
    customStore.upsertAll(upserts, user);
    auditLog.recordEach(auditHeaders, entries, null);
  }

  private static void collect(
      FormDefinition form,
      CaseHeader header,
      CustomData before,
      CustomData after,
      List<CustomValueStore.Upsert> upserts,
      List<CaseHeader> auditHeaders,
      List<CaseAuditLog.Entry> entries,
      String user) {
    for (SectionDefinition section : form.sections()) {
      SectionValues now = after.singles().get(section.key());
      if (section.repeating() || now == null) {
        continue;
      }
      List<CaseAuditLog.Entry> diff =
          CaseAuditLog.diff(
              section, null, before.singles().get(section.key()), now, CaseBulkWriter.IMPORT, user);
      if (!diff.isEmpty()) {
        upserts.add(new CustomValueStore.Upsert(header.id(), section.key(), now));
        for (CaseAuditLog.Entry entry : diff) {
          auditHeaders.add(header);
          entries.add(entry);
        }
      }
    }
  }
}
