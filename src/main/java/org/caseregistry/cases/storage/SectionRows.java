package org.caseregistry.cases.storage;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a section's values travel to and from its table: one column per catalog variable, dates as
 * SQL dates, the missing reasons as one JSON object. Shared by the form saves, the reads and the
 * import's bulk writer, so that all three store a value alike.
 */
final class SectionRows {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SectionRows() {}

  /** A variable's value as JDBC takes it. */
  static Object column(SectionValues values, Variable variable) {
    Object value = values.get(variable.name());
    return value instanceof LocalDate date ? Date.valueOf(date) : value;
  }

  /** The missing reasons of the values, as the missing_reasons column holds them. */
  static String missingReasons(SectionValues values) {
    Map<String, String> missing = new LinkedHashMap<>();
    values.missing().forEach((name, reason) -> missing.put(name, reason.name()));
    return JSON.writeValueAsString(missing);
  }

  /** Named parameters: one per variable, and {@code missing} for the reasons. */
  static MapSqlParameterSource parameters(List<Variable> variables, SectionValues values) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    for (Variable variable : variables) {
      params.addValue(variable.name(), column(values, variable));
    }
    params.addValue("missing", missingReasons(values));
    return params;
  }

  /** The section's values in the current row. */
  static SectionValues values(ResultSet rs, Section section, Long itemId) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Variable variable : CaseVariables.of(section)) {
      String column = variable.name();
      Object value =
          switch (variable.type()) {
            case CODE, TEXT -> rs.getString(column);
            case INTEGER -> rs.getObject(column, Integer.class);
            case DECIMAL -> rs.getBigDecimal(column);
            case DATE -> rs.getObject(column, LocalDate.class);
          };
      values.put(
          column, value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value);
    }
    Map<String, MissingReason> missing = new LinkedHashMap<>();
    Map<String, String> stored =
        JSON.readValue(
            rs.getString("missing_reasons"), new TypeReference<Map<String, String>>() {});
    stored.forEach((name, reason) -> missing.put(name, MissingReason.valueOf(reason)));
    return new SectionValues(itemId, rs.getInt("version"), values, missing);
  }
}
