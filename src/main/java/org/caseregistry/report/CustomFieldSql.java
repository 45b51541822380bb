package org.caseregistry.report;

import java.util.List;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;

/**
 * How reports read a custom field from its section's JSON ({@code field_values} of the row aliased
 * {@code alias}), and its codes as report options: one place for the summary and the dataset.
 */
final class CustomFieldSql {

  private CustomFieldSql() {}

  /** The field's value as text. */
  static String value(String alias, FieldDefinition field) {
    return alias + ".field_values->>'" + field.name() + "'";
  }

  /** Why the field is missing (UNKNOWN, NOT_APPLICABLE), or null. */
  static String reason(String alias, FieldDefinition field) {
    return alias + ".missing_reasons->>'" + field.name() + "'";
  }

  /** One check-box code as '1' (ticked), '0' (answered without it) or null (not answered). */
  static String ticked(String alias, FieldDefinition field, Choice choice) {
    return "case when jsonb_exists("
        + alias
        + ".field_values->'"
        + field.name()
        + "', '"
        + choice.code()
        + "') then '1' when jsonb_exists("
        + alias
        + ".field_values, '"
        + field.name()
        + "') then '0' end";
  }

  /** The codes labelled in the reader's language (literal labels: they are the form's own text). */
  static List<CodeOption> options(List<Choice> choices, boolean vietnamese) {
    return choices.stream()
        .map(c -> new CodeOption(c.code(), c.label(vietnamese), c.label(vietnamese)))
        .toList();
  }

  /** Yes (1) and no (0), as a ticked check-box code reads. */
  static List<CodeOption> yesNo(boolean vietnamese) {
    return options(
        FieldDefinition.of("x", FieldType.YES_NO, "x", null).effectiveChoices(), vietnamese);
  }
}
