package org.caseregistry.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.caseregistry.catalog.MissingReason;

/**
 * The server's verdict on a case's custom sections: which fields are asked (branching), what the
 * calculated fields hold, and what deserves a warning. Expressions read the custom fields of the
 * case's single sections, the fields of the item at hand for a repeating section, and the built-in
 * variables of single sections.
 */
public final class FormEvaluator {

  /** The values of the built-in single-section variables of the case, by name. */
  @FunctionalInterface
  public interface BuiltInValues {
    Object value(String name);
  }

  /** A section's values after branching and calculation, and the fields not asked. */
  public record Applied(Map<String, Object> values, Map<String, MissingReason> missing) {}

  /** A warning on a custom field: outside the usual range, or required and left empty. */
  public record Warning(String section, Long itemId, String field, String messageKey) {}

  private static final Map<String, Expression> PARSED = new ConcurrentHashMap<>();

  private final FormDefinition form;
  private final BuiltInValues builtIns;
  private final Map<String, Map<String, Object>> singles;

  /**
   * @param singles the current values of the case's single custom sections, by section key
   */
  public FormEvaluator(
      FormDefinition form, BuiltInValues builtIns, Map<String, Map<String, Object>> singles) {
    this.form = form;
    this.builtIns = builtIns;
    this.singles = new HashMap<>(singles);
  }

  /**
   * Applies branching and calculations to the values of one section (or one item): a field whose
   * condition does not hold loses its value and is stored as not applicable; calculated fields are
   * computed. Fields are judged in form order, so that a hidden field reads as blank to the fields
   * after it.
   */
  public Applied apply(
      SectionDefinition section, Map<String, Object> values, Map<String, MissingReason> missing) {
    Map<String, Object> result = new LinkedHashMap<>(values);
    Map<String, MissingReason> reasons = new LinkedHashMap<>(missing);
    if (!section.repeating()) {
      singles.put(section.key(), result);
    }
    for (FieldDefinition field : section.fields()) {
      if (!field.type().holdsValue()) {
        continue;
      }
      if (field.hasCondition() && !holds(field.showIf(), section, result)) {
        if (!field.retired()) {
          result.put(field.name(), null);
          reasons.put(field.name(), MissingReason.NOT_APPLICABLE);
        }
        continue;
      }
      if (reasons.get(field.name()) == MissingReason.NOT_APPLICABLE
          && !field.notApplicableAllowed()
          && field.hasCondition()) {
        reasons.remove(field.name());
      }
      if (field.type() == FieldType.CALCULATED) {
        result.put(field.name(), calculate(field, section, result));
        reasons.remove(field.name());
      }
    }
    return new Applied(result, reasons);
  }

  /** Whether a field is asked, given the values of its section (or item) as they stand. */
  public boolean shown(
      SectionDefinition section, FieldDefinition field, Map<String, Object> values) {
    return !field.hasCondition() || holds(field.showIf(), section, values);
  }

  /**
   * The calculated fields of every single section, computed again from the case as it stands: a
   * save of one section may change a calculation in another. Only sections whose values change are
   * returned.
   */
  public Map<String, Map<String, Object>> recalculatedSingles() {
    Map<String, Map<String, Object>> changed = new LinkedHashMap<>();
    for (SectionDefinition section : form.sections()) {
      if (section.repeating()
          || section.fields().stream().noneMatch(f -> f.type() == FieldType.CALCULATED)) {
        continue;
      }
      Map<String, Object> values =
          new LinkedHashMap<>(singles.getOrDefault(section.key(), Map.of()));
      boolean differs = false;
      for (FieldDefinition field : section.fields()) {
        if (field.type() == FieldType.CALCULATED) {
          boolean shown = shown(section, field, values);
          Object value = shown ? calculate(field, section, values) : null;
          if (!Objects.equals(value, values.get(field.name()))) {
            values.put(field.name(), value);
            differs = true;
          }
        }
      }
      if (differs) {
        singles.put(section.key(), values);
        changed.put(section.key(), values);
      }
    }
    return changed;
  }

  /** Warnings of one section or item: usual ranges, and required fields left empty. */
  public List<Warning> warnings(
      SectionDefinition section,
      Long itemId,
      Map<String, Object> values,
      Map<String, MissingReason> missing) {
    List<Warning> warnings = new ArrayList<>();
    for (FieldDefinition field : section.fields()) {
      if (!field.type().holdsValue() || field.retired() || !shown(section, field, values)) {
        continue;
      }
      Object value = values.get(field.name());
      if (value == null && field.required() && !missing.containsKey(field.name())) {
        warnings.add(new Warning(section.key(), itemId, field.name(), "form.warning.required"));
      } else if (FieldValues.outsideUsualRange(field, value)) {
        warnings.add(new Warning(section.key(), itemId, field.name(), "form.warning.usual-range"));
      }
    }
    return warnings;
  }

  private boolean holds(String condition, SectionDefinition section, Map<String, Object> values) {
    Expression expression = parsed(condition);
    return expression != null && expression.test(name -> read(name, section, values));
  }

  private Object calculate(
      FieldDefinition field, SectionDefinition section, Map<String, Object> values) {
    Expression expression = parsed(field.calculation());
    if (expression == null) {
      return null;
    }
    BigDecimal number = expression.number(name -> read(name, section, values));
    if (number == null) {
      return null;
    }
    return number.setScale(FieldValues.MAX_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private Object read(String name, SectionDefinition section, Map<String, Object> values) {
    if (section.field(name).isPresent()) {
      return values.get(name);
    }
    SectionDefinition home = form.sectionOf(name).orElse(null);
    if (home != null) {
      return home.repeating() ? null : singles.getOrDefault(home.key(), Map.of()).get(name);
    }
    return builtIns.value(name);
  }

  /** Expressions were checked when the form was saved; one that no longer parses reads false. */
  private static Expression parsed(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Expression cached = PARSED.get(text);
    if (cached != null) {
      return cached;
    }
    try {
      Expression expression = Expression.parse(text);
      if (PARSED.size() < 10_000) {
        PARSED.put(text, expression);
      }
      return expression;
    } catch (ExpressionException invalid) {
      return null;
    }
  }
}
