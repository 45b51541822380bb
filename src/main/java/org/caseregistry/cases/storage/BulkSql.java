package org.caseregistry.cases.storage;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;

/**
 * The statements and columns of {@link CaseBulkWriter}, with the JDBC types of their parameters:
 * for a section's table one column per catalog variable, then missing reasons and user; for a case
 * its {@link DerivedColumns}; for the audit trail its columns.
 */
final class BulkSql {

  private BulkSql() {}

  static final List<Column> AUDIT_COLUMNS =
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

  private static final int[] DERIVED_TYPES =
      DerivedColumns.ALL.stream()
          .mapToInt(column -> column.jdbcType() == Types.ARRAY ? Types.VARCHAR : column.jdbcType())
          .toArray();

  static final List<Column> CASE_COLUMNS = caseColumns();

  private static List<BulkSql.Column> caseColumns() {
    List<BulkSql.Column> columns =
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

  static final String UPDATE_DERIVED =
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

  static final int[] UPDATE_DERIVED_TYPES =
      concat(DERIVED_TYPES, new int[] {Types.VARCHAR, Types.BIGINT});

  /** The derived columns in {@link DerivedColumns} order, arrays as PostgreSQL array literals. */
  static List<Object> derivedValues(DerivedValues derived) {
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

  /** A column of a set-based insert: its name and PostgreSQL type. */
  record Column(String name, String type) {}

  static List<Column> columns(String... definitions) {
    List<Column> columns = new ArrayList<>();
    for (String definition : definitions) {
      int space = definition.indexOf(' ');
      columns.add(new Column(definition.substring(0, space), definition.substring(space + 1)));
    }
    return columns;
  }

  /** A section's row: (id, case_id, position | case_id), its variables, missing reasons, user. */
  static List<Column> sectionColumns(Section section, boolean item) {
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

  /** The variables of a section, then missing reasons and user: the tail of every row. */
  static List<Object> columnValues(Section section, SectionValues values, String user) {
    List<Object> row = new ArrayList<>();
    for (Variable variable : CaseVariables.of(section)) {
      row.add(SectionRows.column(values, variable));
    }
    row.add(SectionRows.missingReasons(values));
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

  static String insertSingleSql(Section section) {
    return insert(section, "case_id", "?");
  }

  static int[] insertSingleTypes(Section section) {
    return concat(new int[] {Types.BIGINT}, columnTypes(section));
  }

  static String updateSingleSql(Section section) {
    return update(section, "case_id = ? and version = ?");
  }

  static int[] updateSingleTypes(Section section) {
    return concat(columnTypes(section), new int[] {Types.BIGINT, Types.INTEGER});
  }

  /** After the items already there, as a form's "add" puts it. */
  static String appendItemSql(Section section) {
    return insert(
        section,
        "id, case_id, position",
        "?, ?, (select coalesce(max(position), 0) + 1 from "
            + section.table()
            + " where case_id = ?)");
  }

  /** A new row of version 1: the leading columns and their values, then the section's own. */
  private static String insert(Section section, String leadColumns, String leadValues) {
    return "insert into "
        + section.table()
        + " ("
        + leadColumns
        + ", "
        + names(section)
        + ", missing_reasons, updated_by, version) values ("
        + leadValues
        + ", "
        + marks(section)
        + ", cast(? as jsonb), ?, 1)";
  }

  static int[] appendItemTypes(Section section) {
    return concat(new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT}, columnTypes(section));
  }

  static String updateItemSql(Section section) {
    return update(section, "id = ? and case_id = ? and version = ?");
  }

  /** An update of a row read at a version: the version moves on, a stale one matches no row. */
  private static String update(Section section, String where) {
    return "update "
        + section.table()
        + " set "
        + assignments(section)
        + ", missing_reasons = cast(? as jsonb), updated_by = ?, version = version + 1,"
        + " updated_at = now() where "
        + where;
  }

  static int[] updateItemTypes(Section section) {
    return concat(columnTypes(section), new int[] {Types.BIGINT, Types.BIGINT, Types.INTEGER});
  }

  static int[] concat(int[] first, int[] second) {
    int[] all = new int[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
