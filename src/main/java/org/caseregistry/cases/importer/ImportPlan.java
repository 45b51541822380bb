package org.caseregistry.cases.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.cases.storage.CaseBulkWriter;
import org.caseregistry.catalog.Section;

/**
 * What an import writes, decided from the stored and the imported state alone: which cases,
 * sections and items to insert, update or delete (each with the version it was read at), the
 * derived values of every case, and the audit entries, in the order the trail lists them. Plain
 * Java: {@link CaseBulkWriter} runs the plan as SQL; ids that rows refer to come from {@link Ids}.
 */
public final class ImportPlan {

  /** Ids drawn beforehand, so that items and audit entries can refer to rows not yet written. */
  public interface Ids {
    long[] next(String table, int count);
  }

  /** One case's place in the audit trail: its change set, ids and study code. */
  public record CaseRef(UUID changeSet, long caseId, long seriesId, String studyCode) {}

  /** An audit entry of a case; change set and case come from {@code of}. */
  public record Audit(CaseRef of, CaseAuditLog.Entry entry) {}

  /** A new case row with its derived values. */
  public record NewCaseRow(
      long caseId, long seriesId, long siteId, String studyCode, DerivedValues derived) {}

  /** A single section's row; {@code version} is the stored one an update expects (0: new row). */
  public record SingleRow(long caseId, int version, SectionValues values) {}

  /** A new item; {@code position} 0 puts it after the items already there. */
  public record NewItem(long itemId, long caseId, int position, SectionValues values) {}

  /** A stored item to update to {@code values}, or to delete ({@code values} null). */
  public record StoredItem(long itemId, long caseId, int version, SectionValues values) {}

  /** The derived values of a changed case. */
  public record DerivedRow(long caseId, DerivedValues derived) {}

  /** New cases: rows to insert, all of version 1. */
  public record Inserts(
      List<NewCaseRow> cases,
      Map<Section, List<SingleRow>> singles,
      Map<Section, List<NewItem>> items,
      List<Audit> audit) {}

  /** Changed cases: what to write, each row guarded by the version it was read at. */
  public record Updates(
      Map<Section, List<SingleRow>> singleInserts,
      Map<Section, List<SingleRow>> singleUpdates,
      Map<Section, List<StoredItem>> itemDeletes,
      Map<Section, List<StoredItem>> itemUpdates,
      Map<Section, List<NewItem>> itemAppends,
      List<DerivedRow> derived,
      List<Audit> audit) {}

  private ImportPlan() {}

  /**
   * New cases with their filled single sections and their items (positions 1, 2, ...), one change
   * set per case: the study code first, then every field of its sections, then of its items.
   */
  public static Inserts inserts(
      long seriesId, List<CaseBulkWriter.NewCase> cases, String user, Ids ids) {
    List<NewCaseRow> rows = new ArrayList<>();
    Map<Section, List<SingleRow>> singles = new LinkedHashMap<>();
    Map<Section, List<NewItem>> items = new LinkedHashMap<>();
    List<Audit> audit = new ArrayList<>();
    if (cases.isEmpty()) {
      return new Inserts(rows, singles, items, audit);
    }
    long[] caseIds = ids.next("surgical_case", cases.size());
    List<CaseRef> refs = new ArrayList<>();
    for (int c = 0; c < cases.size(); c++) {
      CaseBulkWriter.NewCase newCase = cases.get(c);
      CaseRef ref = new CaseRef(UUID.randomUUID(), caseIds[c], seriesId, newCase.studyCode());
      refs.add(ref);
      rows.add(
          new NewCaseRow(
              ref.caseId(), seriesId, newCase.siteId(), newCase.studyCode(), newCase.derived()));
      audit.add(event(ref, AuditAction.IMPORT, "study_code", null, newCase.studyCode(), user));
      for (Section section : Section.values()) {
        SectionValues values = section.isList() ? null : newCase.data().singles().get(section);
        if (values == null || !values.hasAnyValue()) {
          continue;
        }
        add(singles, section, new SingleRow(ref.caseId(), 0, values));
        audited(
            audit, ref, CaseAuditLog.diff(section, null, null, values, AuditAction.IMPORT, user));
      }
    }
    for (Section section : Section.values()) {
      if (!section.isList()) {
        continue;
      }
      int total = cases.stream().mapToInt(newCase -> newCase.data().items(section).size()).sum();
      if (total == 0) {
        continue;
      }
      long[] itemIds = ids.next(section.table(), total);
      int next = 0;
      for (int c = 0; c < cases.size(); c++) {
        List<SectionValues> caseItems = cases.get(c).data().items(section);
        for (int position = 0; position < caseItems.size(); position++) {
          long itemId = itemIds[next++];
          SectionValues values = caseItems.get(position);
          add(items, section, new NewItem(itemId, caseIds[c], position + 1, values));
          audited(
              audit,
              refs.get(c),
              CaseAuditLog.diff(section, itemId, null, values, AuditAction.IMPORT, user));
        }
      }
    }
    return new Inserts(rows, singles, items, audit);
  }

  /**
   * What changed in each case: single sections inserted or updated, items compared by position
   * (updated, added after the others, or deleted), and the case's derived values. One change set
   * per case: an IMPORT entry naming {@code source}, then every changed field as a form save would
   * record it; the entries of added items come last, once their ids are drawn.
   */
  public static Updates updates(
      List<CaseBulkWriter.ChangedCase> cases, String user, String source, Ids ids) {
    Updates plan =
        new Updates(
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new ArrayList<>(),
            new ArrayList<>());
    Map<Section, List<Added>> added = new LinkedHashMap<>();
    for (CaseBulkWriter.ChangedCase changed : cases) {
      CaseHeader header = changed.header();
      CaseRef ref =
          new CaseRef(UUID.randomUUID(), header.id(), header.seriesId(), header.studyCode());
      plan.audit().add(event(ref, AuditAction.IMPORT, null, null, source, user));
      for (Section section : Section.values()) {
        if (section.isList()) {
          compareItems(plan, added, ref, section, changed, user);
        } else {
          compareSingle(plan, ref, section, changed, user);
        }
      }
      plan.derived().add(new DerivedRow(ref.caseId(), changed.derived()));
    }
    for (Map.Entry<Section, List<Added>> items : added.entrySet()) {
      Section section = items.getKey();
      long[] itemIds = ids.next(section.table(), items.getValue().size());
      for (int i = 0; i < itemIds.length; i++) {
        Added item = items.getValue().get(i);
        add(
            plan.itemAppends(),
            section,
            new NewItem(itemIds[i], item.of().caseId(), 0, item.values()));
        audited(
            plan.audit(),
            item.of(),
            CaseAuditLog.diff(
                section, itemIds[i], null, item.values(), AuditAction.ADD_ITEM, user));
      }
    }
    return plan;
  }

  private record Added(CaseRef of, SectionValues values) {}

  private static void compareSingle(
      Updates plan, CaseRef ref, Section section, CaseBulkWriter.ChangedCase changed, String user) {
    SectionValues was = changed.before().singles().get(section);
    SectionValues is = changed.after().singles().get(section);
    if (is == null) {
      return;
    }
    List<CaseAuditLog.Entry> entries =
        CaseAuditLog.diff(section, null, was, is, AuditAction.UPDATE, user);
    if (entries.isEmpty()) {
      return;
    }
    if (was == null) {
      add(plan.singleInserts(), section, new SingleRow(ref.caseId(), 0, is));
    } else {
      add(plan.singleUpdates(), section, new SingleRow(ref.caseId(), was.version(), is));
    }
    audited(plan.audit(), ref, entries);
  }

  private static void compareItems(
      Updates plan,
      Map<Section, List<Added>> added,
      CaseRef ref,
      Section section,
      CaseBulkWriter.ChangedCase changed,
      String user) {
    List<SectionValues> old = changed.before().items(section);
    List<SectionValues> now = changed.after().items(section);
    for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
      SectionValues was = i < old.size() ? old.get(i) : null;
      SectionValues is = i < now.size() ? now.get(i) : null;
      if (is == null) {
        add(
            plan.itemDeletes(),
            section,
            new StoredItem(was.itemId(), ref.caseId(), was.version(), null));
        audited(
            plan.audit(),
            ref,
            CaseAuditLog.diff(section, was.itemId(), was, null, AuditAction.DELETE_ITEM, user));
      } else if (was == null) {
        add(added, section, new Added(ref, is));
      } else {
        List<CaseAuditLog.Entry> entries =
            CaseAuditLog.diff(section, was.itemId(), was, is, AuditAction.UPDATE, user);
        if (!entries.isEmpty()) {
          add(
              plan.itemUpdates(),
              section,
              new StoredItem(was.itemId(), ref.caseId(), was.version(), is));
          audited(plan.audit(), ref, entries);
        }
      }
    }
  }

  private static Audit event(
      CaseRef ref, AuditAction action, String field, String from, String to, String user) {
    return new Audit(ref, CaseAuditLog.Entry.caseEvent(action, field, from, to, user));
  }

  private static void audited(List<Audit> audit, CaseRef ref, List<CaseAuditLog.Entry> entries) {
    for (CaseAuditLog.Entry entry : entries) {
      audit.add(new Audit(ref, entry));
    }
  }

  private static <T> void add(Map<Section, List<T>> rows, Section section, T row) {
    rows.computeIfAbsent(section, s -> new ArrayList<>()).add(row);
  }
}
