package org.caseregistry.cases.storage;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.importer.ImportPlan;
import org.caseregistry.catalog.Section;
import org.caseregistry.platform.EditConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes many cases at once for an import, as {@link ImportPlan} decides. New rows go in set-based
 * inserts (a few statements per table, whatever the number of rows), with ids drawn from the
 * tables' sequences beforehand so that list items and audit entries can refer to them, and the
 * derived values written with the case. Changes to existing cases go in JDBC batches whose update
 * counts keep the optimistic locking of the forms: a section or item changed by someone else since
 * it was read fails the whole import.
 */
@Repository
public class CaseBulkWriter {

  private static final int BATCH = 1000;

  public record NewCase(String studyCode, long siteId, CaseData data, DerivedValues derived) {}

  public record ChangedCase(
      CaseHeader header, CaseData before, CaseData after, DerivedValues derived) {}

  private final JdbcTemplate jdbc;

  CaseBulkWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the cases with their sections, items, derived values and audit entries. */
  public void insert(long seriesId, List<NewCase> cases, String user) {
    if (cases.isEmpty()) {
      return;
    }
    ImportPlan.Inserts plan = ImportPlan.inserts(seriesId, cases, user, this::nextIds);
    List<Object[]> caseRows = new ArrayList<>();
    for (ImportPlan.NewCaseRow row : plan.cases()) {
      List<Object> values =
          new ArrayList<>(
              List.of(row.caseId(), row.seriesId(), row.siteId(), row.studyCode(), user, user));
      values.addAll(BulkSql.derivedValues(row.derived()));
      caseRows.add(values.toArray());
    }
    insertAll("surgical_case", BulkSql.CASE_COLUMNS, caseRows);
    for (Map.Entry<Section, List<ImportPlan.SingleRow>> rows : plan.singles().entrySet()) {
      Section section = rows.getKey();
      List<Object[]> values =
          rows.getValue().stream().map(row -> singleRow(section, row, user)).toList();
      insertAll(section.table(), BulkSql.sectionColumns(section, false), values);
    }
    for (Map.Entry<Section, List<ImportPlan.NewItem>> rows : plan.items().entrySet()) {
      Section section = rows.getKey();
      List<Object[]> values = new ArrayList<>();
      for (ImportPlan.NewItem item : rows.getValue()) {
        List<Object> row = new ArrayList<>(List.of(item.itemId(), item.caseId(), item.position()));
        row.addAll(BulkSql.columnValues(section, item.values(), user));
        values.add(row.toArray());
      }
      insertAll(section.table(), BulkSql.sectionColumns(section, true), values);
    }
    insertAll("case_audit", BulkSql.AUDIT_COLUMNS, auditRows(plan.audit(), user));
  }

  /**
   * Writes what changed in each case (sections, items added, changed or removed), its derived
   * values, and one audit change set per case (see {@link ImportPlan#updates}).
   */
  public void update(List<ChangedCase> cases, String user, String source) {
    if (cases.isEmpty()) {
      return;
    }
    ImportPlan.Updates plan = ImportPlan.updates(cases, user, source, this::nextIds);
    for (Map.Entry<Section, List<ImportPlan.SingleRow>> rows : plan.singleInserts().entrySet()) {
      Section section = rows.getKey();
      requireAll(
          batch(
              BulkSql.insertSingleSql(section) + " on conflict (case_id) do nothing",
              rows.getValue().stream().map(row -> singleRow(section, row, user)).toList(),
              BulkSql.insertSingleTypes(section)));
    }
    for (Map.Entry<Section, List<ImportPlan.SingleRow>> rows : plan.singleUpdates().entrySet()) {
      Section section = rows.getKey();
      List<Object[]> values = new ArrayList<>();
      for (ImportPlan.SingleRow single : rows.getValue()) {
        List<Object> row = new ArrayList<>(BulkSql.columnValues(section, single.values(), user));
        row.addAll(List.of(single.caseId(), single.version()));
        values.add(row.toArray());
      }
      requireAll(
          batch(BulkSql.updateSingleSql(section), values, BulkSql.updateSingleTypes(section)));
    }
    for (Map.Entry<Section, List<ImportPlan.StoredItem>> rows : plan.itemDeletes().entrySet()) {
      requireAll(
          batch(
              "delete from "
                  + rows.getKey().table()
                  + " where id = ? and case_id = ? and version = ?",
              rows.getValue().stream()
                  .map(item -> new Object[] {item.itemId(), item.caseId(), item.version()})
                  .toList(),
              new int[] {Types.BIGINT, Types.BIGINT, Types.INTEGER}));
    }
    for (Map.Entry<Section, List<ImportPlan.StoredItem>> rows : plan.itemUpdates().entrySet()) {
      Section section = rows.getKey();
      List<Object[]> values = new ArrayList<>();
      for (ImportPlan.StoredItem item : rows.getValue()) {
        List<Object> row = new ArrayList<>(BulkSql.columnValues(section, item.values(), user));
        row.addAll(List.of(item.itemId(), item.caseId(), item.version()));
        values.add(row.toArray());
      }
      requireAll(batch(BulkSql.updateItemSql(section), values, BulkSql.updateItemTypes(section)));
    }
    for (Map.Entry<Section, List<ImportPlan.NewItem>> rows : plan.itemAppends().entrySet()) {
      Section section = rows.getKey();
      List<Object[]> values = new ArrayList<>();
      for (ImportPlan.NewItem item : rows.getValue()) {
        List<Object> row = new ArrayList<>(List.of(item.itemId(), item.caseId(), item.caseId()));
        row.addAll(BulkSql.columnValues(section, item.values(), user));
        values.add(row.toArray());
      }
      batch(BulkSql.appendItemSql(section), values, BulkSql.appendItemTypes(section));
    }
    List<Object[]> derivedRows = new ArrayList<>();
    for (ImportPlan.DerivedRow row : plan.derived()) {
      List<Object> derived = new ArrayList<>(BulkSql.derivedValues(row.derived()));
      derived.addAll(List.of(user, row.caseId()));
      derivedRows.add(derived.toArray());
    }
    batch(BulkSql.UPDATE_DERIVED, derivedRows, BulkSql.UPDATE_DERIVED_TYPES);
    insertAll("case_audit", BulkSql.AUDIT_COLUMNS, auditRows(plan.audit(), user));
  }

  private static Object[] singleRow(Section section, ImportPlan.SingleRow single, String user) {
    List<Object> row = new ArrayList<>();
    row.add(single.caseId());
    row.addAll(BulkSql.columnValues(section, single.values(), user));
    return row.toArray();
  }

  private static void requireAll(int[] counts) {
    for (int count : counts) {
      if (count != 1) {
        throw new EditConflictException();
      }
    }
  }

  // ---------------------------------------------------------------- audit

  /** The planned entries as rows: the case's change set, ids and study code, and the importer. */
  private static List<Object[]> auditRows(List<ImportPlan.Audit> audit, String user) {
    List<Object[]> rows = new ArrayList<>();
    for (ImportPlan.Audit planned : audit) {
      ImportPlan.CaseRef of = planned.of();
      CaseAuditLog.Entry entry = planned.entry();
      rows.add(
          new Object[] {
            of.changeSet(),
            of.caseId(),
            of.seriesId(),
            of.studyCode(),
            entry.section() == null ? null : entry.section().name(),
            entry.itemId(),
            entry.action().name(),
            entry.field(),
            entry.oldValue(),
            entry.newValue(),
            user
          });
    }
    return rows;
  }

  // ---------------------------------------------------------------- JDBC

  private static final int SET_SIZE = 20_000;

  /**
   * Inserts the rows with one statement per {@value #SET_SIZE} rows: every column travels as one
   * array and {@code unnest} turns the arrays back into rows. Much faster than a JDBC batch for the
   * hundreds of thousands of audit entries of a large import. New rows get version 1.
   */
  private void insertAll(String table, List<BulkSql.Column> columns, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (");
    StringBuilder select = new StringBuilder();
    StringBuilder arrays = new StringBuilder();
    StringBuilder aliases = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      String sep = i == 0 ? "" : ", ";
      sql.append(sep).append(columns.get(i).name());
      select
          .append(sep)
          .append("cast(u.c")
          .append(i)
          .append(" as ")
          .append(columns.get(i).type())
          .append(")");
      arrays.append(sep).append("cast(? as text[])");
      aliases.append(sep).append("c").append(i);
    }
    boolean versioned = !table.equals("case_audit") && !table.equals("surgical_case");
    sql.append(versioned ? ", version" : "")
        .append(") select ")
        .append(select)
        .append(versioned ? ", 1" : "")
        .append(" from unnest(")
        .append(arrays)
        .append(") as u(")
        .append(aliases)
        .append(")");
    String statement = sql.toString();
    for (int from = 0; from < rows.size(); from += SET_SIZE) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + SET_SIZE));
      jdbc.update(
          connection -> {
            PreparedStatement insert = connection.prepareStatement(statement);
            for (int c = 0; c < columns.size(); c++) {
              String[] values = new String[chunk.size()];
              for (int r = 0; r < chunk.size(); r++) {
                values[r] = text(chunk.get(r)[c]);
              }
              insert.setArray(c + 1, connection.createArrayOf("text", values));
            }
            return insert;
          });
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }

  /** Ids drawn from a table's identity sequence, so that rows can refer to each other. */
  private long[] nextIds(String table, int count) {
    return jdbc
        .queryForList(
            "select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)",
            Long.class,
            table,
            count)
        .stream()
        .mapToLong(Long::longValue)
        .toArray();
  }

  /** Runs the statement for every row, in JDBC batches; the update count of every row. */
  private int[] batch(String sql, List<Object[]> rows, int[] types) {
    int[] counts = new int[rows.size()];
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
      int[] chunkCounts = jdbc.batchUpdate(sql, chunk, types);
      System.arraycopy(chunkCounts, 0, counts, from, chunkCounts.length);
    }
    return counts;
  }
}
