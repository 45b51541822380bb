package org.caseregistry.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Variable;

/**
 * The stored values of one section record (or one list item): typed values by variable name (String
 * code, Integer, BigDecimal, LocalDate or String text), the reasons given for missing values, and
 * the version used for optimistic locking.
 */
public record SectionValues(
    Long itemId, int version, Map<String, Object> values, Map<String, MissingReason> missing) {

  public static SectionValues empty() {
    return new SectionValues(null, 0, new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  /** The value of a built-in variable by its typed key (see {@code catalog.Keys}). */
  public Object get(Variable variable) {
    return get(variable.name());
  }

  public Object get(String variable) {
    return values.get(variable);
  }

  public boolean hasAnyValue() {
    return values.values().stream().anyMatch(value -> value != null) || !missing.isEmpty();
  }
}
