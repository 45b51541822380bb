package org.caseregistry.form;

import java.util.List;
import java.util.Optional;

/**
 * A custom section of a series' form: a key (snake_case, unique in the form), labels, whether it
 * repeats (a list of items, like complications or visits), and its fields in order.
 */
public record SectionDefinition(
    String key,
    String labelEn,
    String labelVi,
    boolean repeating,
    boolean retired,
    List<FieldDefinition> fields) {

  public SectionDefinition {
    fields = fields == null ? List.of() : List.copyOf(fields);
    labelVi = labelVi == null || labelVi.isBlank() ? labelEn : labelVi;
  }

  public String label(boolean vietnamese) {
    return vietnamese ? labelVi : labelEn;
  }

  public Optional<FieldDefinition> field(String name) {
    return fields.stream().filter(field -> field.name().equals(name)).findFirst();
  }

  /** The fields offered for new entry: not retired. */
  public List<FieldDefinition> activeFields() {
    return fields.stream().filter(field -> !field.retired()).toList();
  }

  /** The fields that hold a value (not descriptive text), retired ones included. */
  public List<FieldDefinition> valueFields() {
    return fields.stream().filter(field -> field.type().holdsValue()).toList();
  }

  public SectionDefinition withFields(List<FieldDefinition> value) {
    return new SectionDefinition(key, labelEn, labelVi, repeating, retired, value);
  }

  public SectionDefinition withRetired(boolean value) {
    return new SectionDefinition(key, labelEn, labelVi, repeating, value, fields);
  }
}
