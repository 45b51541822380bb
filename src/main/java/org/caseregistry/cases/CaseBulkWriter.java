package org.caseregistry.cases;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.platform.EditConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes many cases at once for an import. New rows go in set-based inserts (a few statements per
 * table, whatever the number of rows), with ids drawn from the tables' sequences beforehand so that
 * list items and audit entries can refer to them, and the derived values written with the case.
 * Changes to existing cases go in JDBC batches whose update counts keep the optimistic locking of
 * the forms: a section or item changed by someone else since it was read fails the whole import.
 */
@Repository
class CaseBulkWriter {

  private static final int BATCH = 1000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static final String IMPORT = "IMPORT";

  record NewCase(String studyCode, long siteId, CaseData data, DerivedValues derived) {}

  record ChangedCase(CaseHeader header, CaseData before, CaseData after, DerivedValues derived) {}

  private final JdbcTemplate jdbc;

  CaseBulkWriter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------- new cases

  /** Inserts the cases with their sections, items, derived values and audit entries. */
  void insert(long seriesId, List<NewCase> cases, String user) {
    if (cases.isEmpty()) {
      return;
    }
    long[] caseIds = nextIds("surgical_case", cases.size());
    List<Object[]> caseRows = new ArrayList<>();
    List<Object[]> audit = new ArrayList<>();
    Map<Section, List<Object[]>> sectionRows = new LinkedHashMap<>();
    for (int c = 0; c < cases.size(); c++) {
      NewCase newCase = cases.get(c);
      long caseId = caseIds[c];
      List<Object> row =
          new ArrayList<>(
              List.of(caseId, seriesId, newCase.siteId(), newCase.studyCode(), user, user));
      row.addAll(derivedValues(newCase.derived()));
      caseRows.add(row.toArray());
      UUID changeSet = UUID.randomUUID();
      AuditContext context =
          new AuditContext(changeSet, caseId, seriesId, newCase.studyCode(), user);
      audit.add(context.row(null, null, IMPORT, "study_code", null, newCase.studyCode()));
      for (Section section : Section.values()) {
        if (section.isList()) {
          continue;
        }
        SectionValues values = newCase.data().singles().get(section);
        if (values == null || !values.hasAnyValue()) {
          continue;
        }
        List<Object> sectionRow = new ArrayList<>();
        sectionRow.add(caseId);
        sectionRow.addAll(columnValues(section, values, user));
        sectionRows.computeIfAbsent(section, s -> new ArrayList<>()).add(sectionRow.toArray());
        context.entries(audit, CaseAuditLog.diff(section, null, null, values, IMPORT, user));
      }
    }
    insertAll("surgical_case", CASE_COLUMNS, caseRows);
    for (Map.Entry<Section, List<Object[]>> rows : sectionRows.entrySet()) {
      insertAll(rows.getKey().table(), sectionColumns(rows.getKey(), false), rows.getValue());
    }
    for (Section section : Section.values()) {
      if (!section.isList()) {
        continue;
      }
      int total = cases.stream().mapToInt(newCase -> newCase.data().items(section).size()).sum();
      if (total == 0) {
        continue;
      }
      long[] itemIds = nextIds(section.table(), total);
      int next = 0;
      List<Object[]> rows = new ArrayList<>();
      for (int c = 0; c < cases.size(); c++) {
        NewCase newCase = cases.get(c);
        AuditContext context =
            new AuditContext(null, caseIds[c], seriesId, newCase.studyCode(), user);
        List<SectionValues> items = newCase.data().items(section);
        for (int position = 0; position < items.size(); position++) {
          long itemId = itemIds[next++];
          List<Object> row = new ArrayList<>(List.of(itemId, caseIds[c], position + 1));
          row.addAll(columnValues(section, items.get(position), user));
          rows.add(row.toArray());
          context.entries(
              audit, CaseAuditLog.diff(section, itemId, null, items.get(position), IMPORT, user));
        }
      }
      insertAll(section.table(), sectionColumns(section, true), rows);
    }
    // One change set per case, for its header, sections and items alike.
    Map<Long, UUID> changeSets = new LinkedHashMap<>();
    for (Object[] row : audit) {
      row[0] = changeSets.computeIfAbsent((Long) row[1], id -> (UUID) row[0]);
    }
    insertAll("case_audit", AUDIT_COLUMNS, audit);
  }

  // ---------------------------------------------------------------- changed cases

  /**
   * Writes what changed in each case (sections, items added, changed or removed), its derived
   * values, and one audit change set per case: an IMPORT entry naming the file, then every changed
   * field as a form save would record it.
   */
  void update(List<ChangedCase> cases, String user, String source) {
    if (cases.isEmpty()) {
      return;
    }
    List<Object[]> audit = new ArrayList<>();
    Map<Section, List<Object[]>> inserts = new LinkedHashMap<>();
    Map<Section, List<Object[]>> updates = new LinkedHashMap<>();
    Map<Section, List<Object[]>> itemDeletes = new LinkedHashMap<>();
    Map<Section, List<Object[]>> itemUpdates = new LinkedHashMap<>();
    Map<Section, List<ItemInsert>> itemInserts = new LinkedHashMap<>();
    List<Object[]> derivedRows = new ArrayList<>();
    for (ChangedCase changed : cases) {
      CaseHeader header = changed.header();
      long caseId = header.id();
      AuditContext context =
          new AuditContext(UUID.randomUUID(), caseId, header.seriesId(), header.studyCode(), user);
      audit.add(context.row(null, null, IMPORT, null, null, source));
      for (Section section : Section.values()) {
        if (section.isList()) {
          List<SectionValues> old = changed.before().items(section);
          List<SectionValues> now = changed.after().items(section);
          for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
            SectionValues was = i < old.size() ? old.get(i) : null;
            SectionValues is = i < now.size() ? now.get(i) : null;
            if (is == null) {
              itemDeletes
                  .computeIfAbsent(section, s -> new ArrayList<>())
                  .add(new Object[] {was.itemId(), caseId, was.version()});
              context.entries(
                  audit, CaseAuditLog.diff(section, was.itemId(), was, null, "DELETE_ITEM", user));
            } else if (was == null) {
              itemInserts
                  .computeIfAbsent(section, s -> new ArrayList<>())
                  .add(new ItemInsert(context, is));
            } else {
              List<CaseAuditLog.Entry> entries =
                  CaseAuditLog.diff(section, was.itemId(), was, is, "UPDATE", user);
              if (!entries.isEmpty()) {
                List<Object> row = new ArrayList<>(columnValues(section, is, user));
                row.addAll(List.of(was.itemId(), caseId, was.version()));
                itemUpdates.computeIfAbsent(section, s -> new ArrayList<>()).add(row.toArray());
                context.entries(audit, entries);
              }
            }
          }
        } else {
          SectionValues was = changed.before().singles().get(section);
          SectionValues is = changed.after().singles().get(section);
          if (is == null) {
            continue;
          }
          List<CaseAuditLog.Entry> entries =
              CaseAuditLog.diff(section, null, was, is, "UPDATE", user);
          if (entries.isEmpty()) {
            continue;
          }
          List<Object> row = new ArrayList<>();
          if (was == null) {
            row.add(caseId);
            row.addAll(columnValues(section, is, user));
            inserts.computeIfAbsent(section, s -> new ArrayList<>()).add(row.toArray());
          } else {
            row.addAll(columnValues(section, is, user));
            row.addAll(List.of(caseId, was.version()));
            updates.computeIfAbsent(section, s -> new ArrayList<>()).add(row.toArray());
          }
          context.entries(audit, entries);
        }
      }
      List<Object> derived = new ArrayList<>(derivedValues(changed.derived()));
      derived.addAll(List.of(user, caseId));
      derivedRows.add(derived.toArray());
    }
    for (Map.Entry<Section, List<Object[]>> rows : inserts.entrySet()) {
      requireAll(
          batch(
              insertSingleSql(rows.getKey()) + " on conflict (case_id) do nothing",
              rows.getValue(),
              insertSingleTypes(rows.getKey())));
    }
    for (Map.Entry<Section, List<Object[]>> rows : updates.entrySet()) {
      requireAll(
          batch(updateSingleSql(rows.getKey()), rows.getValue(), updateSingleTypes(rows.getKey())));
    }
    for (Map.Entry<Section, List<Object[]>> rows : itemDeletes.entrySet()) {
      requireAll(
          batch(
              "delete from "
                  + rows.getKey().table()
                  + " where id = ? and case_id = ? and version = ?",
              rows.getValue(),
              new int[] {Types.BIGINT, Types.BIGINT, Types.INTEGER}));
    }
    for (Map.Entry<Section, List<Object[]>> rows : itemUpdates.entrySet()) {
      requireAll(
          batch(updateItemSql(rows.getKey()), rows.getValue(), updateItemTypes(rows.getKey())));
    }
    for (Map.Entry<Section, List<ItemInsert>> added : itemInserts.entrySet()) {
      Section section = added.getKey();
      long[] ids = nextIds(section.table(), added.getValue().size());
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        ItemInsert insert = added.getValue().get(i);
        List<Object> row =
            new ArrayList<>(List.of(ids[i], insert.context().caseId(), insert.context().caseId()));
        row.addAll(columnValues(section, insert.values(), user));
        rows.add(row.toArray());
        insert
            .context()
            .entries(
                audit, CaseAuditLog.diff(section, ids[i], null, insert.values(), "ADD_ITEM", user));
      }
      batch(appendItemSql(section), rows, appendItemTypes(section));
    }
    batch(UPDATE_DERIVED, derivedRows, UPDATE_DERIVED_TYPES);
    insertAll("case_audit", AUDIT_COLUMNS, audit);
  }

  private record ItemInsert(AuditContext context, SectionValues values) {}

  private static void requireAll(int[] counts) {
    for (int count : counts) {
      if (count != 1) {
        throw new EditConflictException();
      }
    }
  }

  // ---------------------------------------------------------------- audit

  /** Audit rows of one case: change set, case, series, study code, user. */
  private record AuditContext(
      UUID changeSet, long caseId, long seriesId, String studyCode, String user) {

    Object[] row(
        Section section, Long itemId, String action, String field, String from, String to) {
      return new Object[] {
        changeSet,
        caseId,
        seriesId,
        studyCode,
        section == null ? null : section.name(),
        itemId,
        action,
        field,
        from,
        to,
        user
      };
    }

    void entries(List<Object[]> audit, Collection<CaseAuditLog.Entry> entries) {
      for (CaseAuditLog.Entry entry : entries) {
        audit.add(
            row(
                entry.section(),
                entry.itemId(),
                entry.action(),
                entry.field(),
                entry.oldValue(),
                entry.newValue()));
      }
    }
  }

  private static final List<Column> AUDIT_COLUMNS =
      columns(
          "change_set uuid",
          "case_id bigint",
          "series_id bigint",
          "study_code text",
          "section text",
          "item_id bigint",
          "action text",
          "field text",
          "old_value text",
          "new_value text",
          "username text");

  // ---------------------------------------------------------------- cases and derived values

  private static final int[] DERIVED_TYPES =
      DerivedColumns.ALL.stream()
          .mapToInt(column -> column.jdbcType() == Types.ARRAY ? Types.VARCHAR : column.jdbcType())
          .toArray();

  private static final List<Column> CASE_COLUMNS = caseColumns();

  private static List<Column> caseColumns() {
    List<Column> columns =
        new ArrayList<>(
            columns(
                "id bigint",
                "series_id bigint",
                "site_id bigint",
                "study_code text",
                "created_by text",
                "updated_by text"));
    for (DerivedColumns.Column column : DerivedColumns.ALL) {
      columns.add(new Column(column.name(), column.sqlType()));
    }
    return List.copyOf(columns);
  }

  private static final String UPDATE_DERIVED =
      DerivedColumns.ALL.stream()
          .map(
              column ->
                  column.name()
                      + " = "
                      + (column.jdbcType() == Types.ARRAY
                          ? "cast(? as " + column.sqlType() + ")"
                          : "?"))
          .collect(
              Collectors.joining(
                  ", ",
                  "update surgical_case set ",
                  ", updated_at = now(), updated_by = ? where id = ?"));

  private static final int[] UPDATE_DERIVED_TYPES =
      concat(DERIVED_TYPES, new int[] {Types.VARCHAR, Types.BIGINT});

  /** The derived columns in {@link DerivedColumns} order, arrays as PostgreSQL array literals. */
  private static List<Object> derivedValues(DerivedValues derived) {
    List<Object> values = new ArrayList<>();
    for (DerivedColumns.Column column : DerivedColumns.ALL) {
      Object value = column.value().apply(derived);
      values.add(
          value instanceof String[] elements
              ? textArray(List.of(elements))
              : value instanceof Integer[] numbers ? integerArray(numbers) : value);
    }
    return values;
  }

  /** A PostgreSQL array literal of integers. */
  private static String integerArray(Integer[] numbers) {
    return Arrays.stream(numbers).map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
  }

  /** A PostgreSQL array literal, every element quoted. */
  private static String textArray(List<String> elements) {
    return elements.stream()
        .map(element -> "\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  // ---------------------------------------------------------------- sections and items

  /** The variables of a section, then missing reasons and user: the tail of every row. */
  private static List<Object> columnValues(Section section, SectionValues values, String user) {
    List<Object> row = new ArrayList<>();
    for (Variable variable : CaseVariables.of(section)) {
      Object value = values.get(variable.name());
      row.add(value instanceof LocalDate date ? Date.valueOf(date) : value);
    }
    Map<String, String> missing = new LinkedHashMap<>();
    values.missing().forEach((name, reason) -> missing.put(name, reason.name()));
    row.add(JSON.writeValueAsString(missing));
    row.add(user);
    return row;
  }

  private static int[] columnTypes(Section section) {
    List<Variable> variables = CaseVariables.of(section);
    int[] types = new int[variables.size() + 2];
    for (int i = 0; i < variables.size(); i++) {
      types[i] =
          switch (variables.get(i).type()) {
            case CODE, TEXT -> Types.VARCHAR;
            case INTEGER -> Types.INTEGER;
            case DECIMAL -> Types.NUMERIC;
            case DATE -> Types.DATE;
          };
    }
    types[variables.size()] = Types.VARCHAR;
    types[variables.size() + 1] = Types.VARCHAR;
    return types;
  }

  private static String names(Section section) {
    return CaseVariables.of(section).stream().map(Variable::name).collect(Collectors.joining(", "));
  }

  private static String marks(Section section) {
    return CaseVariables.of(section).stream().map(v -> "?").collect(Collectors.joining(", "));
  }

  private static String assignments(Section section) {
    return CaseVariables.of(section).stream()
        .map(v -> v.name() + " = ?")
        .collect(Collectors.joining(", "));
  }

  private static String insertSingleSql(Section section) {
    return "insert into "
        + section.table()
        + " (case_id, "
        + names(section)
        + ", missing_reasons, updated_by, version) values (?, "
        + marks(section)
        + ", cast(? as jsonb), ?, 1)";
  }

  private static int[] insertSingleTypes(Section section) {
    return concat(new int[] {Types.BIGINT}, columnTypes(section));
  }

  private static String updateSingleSql(Section section) {
    return "update "
        + section.table()
        + " set "
        + assignments(section)
        + ", missing_reasons = cast(? as jsonb), updated_by = ?, version = version + 1,"
        + " updated_at = now() where case_id = ? and version = ?";
  }

  private static int[] updateSingleTypes(Section section) {
    return concat(columnTypes(section), new int[] {Types.BIGINT, Types.INTEGER});
  }

  /** After the items already there, as a form's "add" puts it. */
  private static String appendItemSql(Section section) {
    return "insert into "
        + section.table()
        + " (id, case_id, position, "
        + names(section)
        + ", missing_reasons, updated_by, version) values (?, ?, (select coalesce(max(position), 0)"
        + " + 1 from "
        + section.table()
        + " where case_id = ?), "
        + marks(section)
        + ", cast(? as jsonb), ?, 1)";
  }

  private static int[] appendItemTypes(Section section) {
    return concat(new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT}, columnTypes(section));
  }

  private static String updateItemSql(Section section) {
    return "update "
        + section.table()
        + " set "
        + assignments(section)
        + ", missing_reasons = cast(? as jsonb), updated_by = ?, version = version + 1,"
        + " updated_at = now() where id = ? and case_id = ? and version = ?";
  }

  private static int[] updateItemTypes(Section section) {
    return concat(columnTypes(section), new int[] {Types.BIGINT, Types.BIGINT, Types.INTEGER});
  }

  // ---------------------------------------------------------------- JDBC

  /** A column of a set-based insert: its name and PostgreSQL type. */
  private record Column(String name, String type) {}

  private static List<Column> columns(String... definitions) {
    List<Column> columns = new ArrayList<>();
    for (String definition : definitions) {
      int space = definition.indexOf(' ');
      columns.add(new Column(definition.substring(0, space), definition.substring(space + 1)));
    }
    return columns;
  }

  /** A section's row: (id, case_id, position | case_id), its variables, missing reasons, user. */
  private static List<Column> sectionColumns(Section section, boolean item) {
    List<Column> columns = new ArrayList<>();
    if (item) {
      columns.addAll(columns("id bigint", "case_id bigint", "position integer"));
    } else {
      columns.add(new Column("case_id", "bigint"));
    }
    for (Variable variable : CaseVariables.of(section)) {
      columns.add(
          new Column(
              variable.name(),
              switch (variable.type()) {
                case CODE, TEXT -> "text";
                case INTEGER -> "integer";
                case DECIMAL -> "numeric";
                case DATE -> "date";
              }));
    }
    columns.addAll(columns("missing_reasons jsonb", "updated_by text"));
    return columns;
  }

  private static final int SET_SIZE = 20_000;

  /**
   * Inserts the rows with one statement per {@value #SET_SIZE} rows: every column travels as one
   * array and {@code unnest} turns the arrays back into rows. Much faster than a JDBC batch for the
   * hundreds of thousands of audit entries of a large import. New rows get version 1.
   */
  private void insertAll(String table, List<Column> columns, List<Object[]> rows) {
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

  private static int[] concat(int[] first, int[] second) {
    int[] all = new int[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
