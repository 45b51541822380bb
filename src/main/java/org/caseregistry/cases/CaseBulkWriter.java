package org.caseregistry.cases;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Writes many cases at once for an import: JDBC batches per table, ids drawn from the tables'
 * sequences beforehand so that list items and audit entries can refer to them, derived values
 * written with the case. Updates keep the optimistic locking of the forms: a section or item
 * changed by someone else since it was read fails the whole import.
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
      List<Object> row = new ArrayList<>(List.of(caseId, seriesId, newCase.siteId(), newCase.studyCode(), user, user));
      row.addAll(derivedValues(newCase.derived()));
      caseRows.add(row.toArray());
      UUID changeSet = UUID.randomUUID();
      AuditContext context = new AuditContext(changeSet, caseId, seriesId, newCase.studyCode(), user);
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
    batch(INSERT_CASE, caseRows, INSERT_CASE_TYPES);
    for (Map.Entry<Section, List<Object[]>> rows : sectionRows.entrySet()) {
      batch(insertSingleSql(rows.getKey()), rows.getValue(), insertSingleTypes(rows.getKey()));
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
      batch(insertItemSql(section), rows, insertItemTypes(section));
    }
    // One change set per case, for its header, sections and items alike.
    Map<Long, UUID> changeSets = new LinkedHashMap<>();
    for (Object[] row : audit) {
      row[0] = changeSets.computeIfAbsent((Long) row[1], id -> (UUID) row[0]);
    }
    batch(INSERT_AUDIT, audit, AUDIT_TYPES);
  }

  // ---------------------------------------------------------------- changed cases

  /**
   * Writes what changed in each case (sections, items added, changed or removed), its derived
   * values, and one audit change set per case: an IMPORT entry naming the file, then every
   * changed field as a form save would record it.
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
      requireAll(batch(updateSingleSql(rows.getKey()), rows.getValue(), updateSingleTypes(rows.getKey())));
    }
    for (Map.Entry<Section, List<Object[]>> rows : itemDeletes.entrySet()) {
      requireAll(
          batch(
              "delete from " + rows.getKey().table() + " where id = ? and case_id = ? and version = ?",
              rows.getValue(),
              new int[] {Types.BIGINT, Types.BIGINT, Types.INTEGER}));
    }
    for (Map.Entry<Section, List<Object[]>> rows : itemUpdates.entrySet()) {
      requireAll(batch(updateItemSql(rows.getKey()), rows.getValue(), updateItemTypes(rows.getKey())));
    }
    for (Map.Entry<Section, List<ItemInsert>> added : itemInserts.entrySet()) {
      Section section = added.getKey();
      long[] ids = nextIds(section.table(), added.getValue().size());
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < ids.length; i++) {
        ItemInsert insert = added.getValue().get(i);
        List<Object> row = new ArrayList<>(List.of(ids[i], insert.context().caseId(), insert.context().caseId()));
        row.addAll(columnValues(section, insert.values(), user));
        rows.add(row.toArray());
        insert.context().entries(
            audit, CaseAuditLog.diff(section, ids[i], null, insert.values(), "ADD_ITEM", user));
      }
      batch(appendItemSql(section), rows, appendItemTypes(section));
    }
    batch(UPDATE_DERIVED, derivedRows, UPDATE_DERIVED_TYPES);
    batch(INSERT_AUDIT, audit, AUDIT_TYPES);
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
  private record AuditContext(UUID changeSet, long caseId, long seriesId, String studyCode, String user) {

    Object[] row(Section section, Long itemId, String action, String field, String from, String to) {
      return new Object[] {
        changeSet, caseId, seriesId, studyCode, section == null ? null : section.name(), itemId,
        action, field, from, to, user
      };
    }

    void entries(List<Object[]> audit, Collection<CaseAuditLog.Entry> entries) {
      for (CaseAuditLog.Entry entry : entries) {
        audit.add(
            row(entry.section(), entry.itemId(), entry.action(), entry.field(), entry.oldValue(),
                entry.newValue()));
      }
    }
  }

  private static final String INSERT_AUDIT =
      "insert into case_audit (change_set, case_id, series_id, study_code, section, item_id, action,"
          + " field, old_value, new_value, username) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final int[] AUDIT_TYPES = {
    Types.OTHER, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR
  };

  // ---------------------------------------------------------------- cases and derived values

  private static final String DERIVED_COLUMNS =
      "bmi, age_at_surgery, clinical_stage, clinical_stage_reason, pathological_stage,"
          + " pathological_stage_reason, pn_from_count, nodes_positive_total, nodes_examined_total,"
          + " length_of_stay_days, cci, worst_clavien_dindo, complication_count, sections_filled,"
          + " warning_codes, warning_count";

  private static final int[] DERIVED_TYPES = {
    Types.NUMERIC, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
    Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.INTEGER, Types.NUMERIC, Types.VARCHAR,
    Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.INTEGER
  };

  private static final String INSERT_CASE =
      "insert into surgical_case (id, series_id, site_id, study_code, created_by, updated_by, "
          + DERIVED_COLUMNS
          + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[]),"
          + " cast(? as text[]), ?)";

  private static final int[] INSERT_CASE_TYPES =
      concat(new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR}, DERIVED_TYPES);

  private static final String UPDATE_DERIVED =
      "update surgical_case set bmi = ?, age_at_surgery = ?, clinical_stage = ?,"
          + " clinical_stage_reason = ?, pathological_stage = ?, pathological_stage_reason = ?,"
          + " pn_from_count = ?, nodes_positive_total = ?, nodes_examined_total = ?,"
          + " length_of_stay_days = ?, cci = ?, worst_clavien_dindo = ?, complication_count = ?,"
          + " sections_filled = cast(? as text[]), warning_codes = cast(? as text[]),"
          + " warning_count = ?, updated_at = now(), updated_by = ? where id = ?";

  private static final int[] UPDATE_DERIVED_TYPES =
      concat(DERIVED_TYPES, new int[] {Types.VARCHAR, Types.BIGINT});

  /** The derived columns in the order of {@link #DERIVED_COLUMNS}, as CaseStore stores them. */
  private static List<Object> derivedValues(DerivedValues derived) {
    List<Object> values = new ArrayList<>();
    values.add(derived.bmi());
    values.add(derived.ageAtSurgery());
    values.add(CaseStore.stage(derived.clinicalStage()));
    values.add(CaseStore.reason(derived.clinicalStage()));
    values.add(CaseStore.stage(derived.pathologicalStage()));
    values.add(CaseStore.reason(derived.pathologicalStage()));
    values.add(derived.pnFromCount());
    values.add(derived.nodesPositiveTotal());
    values.add(derived.nodesExaminedTotal());
    values.add(derived.lengthOfStayDays());
    values.add(derived.cci());
    values.add(derived.worstClavienDindo());
    values.add(derived.complicationCount());
    values.add(textArray(derived.sectionsFilled().stream().map(Enum::name).toList()));
    values.add(textArray(derived.warnings().stream().map(CaseWarning::storedCode).toList()));
    values.add(derived.warnings().size());
    return values;
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
    return "insert into " + section.table() + " (case_id, " + names(section)
        + ", missing_reasons, updated_by, version) values (?, " + marks(section)
        + ", cast(? as jsonb), ?, 1)";
  }

  private static int[] insertSingleTypes(Section section) {
    return concat(new int[] {Types.BIGINT}, columnTypes(section));
  }

  private static String updateSingleSql(Section section) {
    return "update " + section.table() + " set " + assignments(section)
        + ", missing_reasons = cast(? as jsonb), updated_by = ?, version = version + 1,"
        + " updated_at = now() where case_id = ? and version = ?";
  }

  private static int[] updateSingleTypes(Section section) {
    return concat(columnTypes(section), new int[] {Types.BIGINT, Types.INTEGER});
  }

  private static String insertItemSql(Section section) {
    return "insert into " + section.table() + " (id, case_id, position, " + names(section)
        + ", missing_reasons, updated_by, version) values (?, ?, ?, " + marks(section)
        + ", cast(? as jsonb), ?, 1)";
  }

  private static int[] insertItemTypes(Section section) {
    return concat(new int[] {Types.BIGINT, Types.BIGINT, Types.INTEGER}, columnTypes(section));
  }

  /** After the items already there, as a form's "add" puts it. */
  private static String appendItemSql(Section section) {
    return "insert into " + section.table() + " (id, case_id, position, " + names(section)
        + ", missing_reasons, updated_by, version) values (?, ?, (select coalesce(max(position), 0)"
        + " + 1 from " + section.table() + " where case_id = ?), " + marks(section)
        + ", cast(? as jsonb), ?, 1)";
  }

  private static int[] appendItemTypes(Section section) {
    return concat(new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT}, columnTypes(section));
  }

  private static String updateItemSql(Section section) {
    return "update " + section.table() + " set " + assignments(section)
        + ", missing_reasons = cast(? as jsonb), updated_by = ?, version = version + 1,"
        + " updated_at = now() where id = ? and case_id = ? and version = ?";
  }

  private static int[] updateItemTypes(Section section) {
    return concat(columnTypes(section), new int[] {Types.BIGINT, Types.BIGINT, Types.INTEGER});
  }

  // ---------------------------------------------------------------- JDBC

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
