package org.caseregistry.cases.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CustomData;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.cases.storage.CaseBulkWriter;
import org.caseregistry.cases.storage.CaseStore;
import org.caseregistry.cases.storage.CustomValueStore;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.springframework.stereotype.Component;

/**
 * Writes what an import changes in the custom sections of its cases, after the built-in sections
 * ({@link CaseBulkWriter}) and in the same transaction: one batched upsert for every single section
 * changed, batches for the items of repeating sections (removed, changed, added: matched by
 * position, as the built-in lists) and one batched insert of their audit entries, whatever the
 * number of cases. A series without custom sections costs no statement.
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

  /** What is to be written, collected case by case. */
  private static final class Writes {
    final List<CustomValueStore.Upsert> upserts = new ArrayList<>();
    final List<ItemChange> added = new ArrayList<>();
    final List<CustomValueStore.ItemWrite> changed = new ArrayList<>();
    final List<CustomValueStore.ItemWrite> removed = new ArrayList<>();
    final List<CaseHeader> auditHeaders = new ArrayList<>();
    final List<CaseAuditLog.Entry> entries = new ArrayList<>();

    void audit(CaseHeader header, List<CaseAuditLog.Entry> diff) {
      for (CaseAuditLog.Entry entry : diff) {
        auditHeaders.add(header);
        entries.add(entry);
      }
    }
  }

  /** An item to add: its id and audit entries are known once the ids are drawn. */
  private record ItemChange(
      CaseHeader header, SectionDefinition section, SectionValues values, AuditAction action) {}

  void write(
      long seriesId,
      FormDefinition form,
      List<CaseBulkWriter.NewCase> newCases,
      List<CaseBulkWriter.ChangedCase> changedCases,
      String user) {
    if (form.sections().isEmpty()) {
      return;
    }
    Writes writes = new Writes();
    if (newCases.stream().anyMatch(c -> hasCustomValues(c.data().custom()))) {
      Map<String, CaseHeader> created =
          store.headersOfCodes(
              seriesId, newCases.stream().map(CaseBulkWriter.NewCase::studyCode).toList());
      for (CaseBulkWriter.NewCase newCase : newCases) {
        CaseHeader header = created.get(newCase.studyCode().toLowerCase(Locale.ROOT));
        collect(
            form,
            new CaseChange(header, CustomData.EMPTY, newCase.data().custom(), true),
            writes,
            user);
      }
    }
    for (CaseBulkWriter.ChangedCase changed : changedCases) {
      collect(
          form,
          new CaseChange(
              changed.header(), changed.before().custom(), changed.after().custom(), false),
          writes,
          user);
    }
    customStore.upsertAll(writes.upserts, user);
    long[] ids = customStore.nextItemIds(writes.added.size());
    List<CustomValueStore.ItemWrite> added = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      ItemChange item = writes.added.get(i);
      added.add(
          new CustomValueStore.ItemWrite(
              ids[i], item.header().id(), item.section().key(), item.values()));
      writes.audit(
          item.header(),
          CaseAuditLog.diff(item.section(), ids[i], null, item.values(), item.action(), user));
    }
    customStore.writeItems(added, writes.changed, writes.removed, user);
    auditLog.recordEach(writes.auditHeaders, writes.entries, null);
  }

  private static boolean hasCustomValues(CustomData custom) {
    return !custom.singles().isEmpty()
        || custom.items().values().stream().anyMatch(l -> !l.isEmpty());
  }

  /** One case's custom values before and after the import. */
  private record CaseChange(
      CaseHeader header, CustomData before, CustomData after, boolean newCase) {}

  private static void collect(FormDefinition form, CaseChange change, Writes writes, String user) {
    CaseHeader header = change.header();
    CustomData before = change.before();
    CustomData after = change.after();
    for (SectionDefinition section : form.sections()) {
      if (section.repeating()) {
        collectItems(section, change, writes, user);
        continue;
      }
      SectionValues now = after.singles().get(section.key());
      if (now == null) {
        continue;
      }
      List<CaseAuditLog.Entry> diff =
          CaseAuditLog.diff(
              section, null, before.singles().get(section.key()), now, AuditAction.IMPORT, user);
      if (!diff.isEmpty()) {
        writes.upserts.add(new CustomValueStore.Upsert(header.id(), section.key(), now));
        writes.audit(header, diff);
      }
    }
  }

  /**
   * The items of a repeating section by position: a new case's are entered as an import enters
   * values; a stored case's are changed, added or removed as a form save would audit them.
   */
  private static void collectItems(
      SectionDefinition section, CaseChange change, Writes writes, String user) {
    CaseHeader header = change.header();
    boolean newCase = change.newCase();
    List<SectionValues> old = change.before().items(section.key());
    List<SectionValues> now = change.after().items(section.key());
    for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
      SectionValues was = i < old.size() ? old.get(i) : null;
      SectionValues is = i < now.size() ? now.get(i) : null;
      if (is == null) {
        writes.removed.add(
            new CustomValueStore.ItemWrite(was.itemId(), header.id(), section.key(), was));
        writes.audit(
            header,
            CaseAuditLog.diff(section, was.itemId(), was, null, AuditAction.DELETE_ITEM, user));
      } else if (was == null) {
        writes.added.add(
            new ItemChange(
                header, section, is, newCase ? AuditAction.IMPORT : AuditAction.ADD_ITEM));
      } else {
        List<CaseAuditLog.Entry> diff =
            CaseAuditLog.diff(section, was.itemId(), was, is, AuditAction.UPDATE, user);
        if (!diff.isEmpty()) {
          writes.changed.add(
              new CustomValueStore.ItemWrite(was.itemId(), header.id(), section.key(), is));
          writes.audit(header, diff);
        }
      }
    }
  }
}
