package org.caseregistry.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.SectionDefinition;

/**
 * Reads a JSON body for a custom section as the page's form would carry it: values by field name as
 * strings or numbers (check boxes also as an array of codes). Unknown fields, objects and
 * calculated fields (computed by the server) are refused by name.
 */
final class CustomSectionRequests {

  private CustomSectionRequests() {}

  static SectionForm form(SectionDefinition section, SectionRequest body, int version) {
    SectionRequests.requireShape(body);
    Set<String> names =
        section.activeFields().stream()
            .filter(field -> field.type().isEntered())
            .map(FieldDefinition::name)
            .collect(Collectors.toSet());
    List<FieldErrorJson> errors = new ArrayList<>();
    SectionForm form = new SectionForm();
    for (Map.Entry<String, Object> entry : body.getValues().entrySet()) {
      String name = entry.getKey();
      Object value = entry.getValue();
      FieldDefinition field = section.field(name).orElse(null);
      if (!names.contains(name)) {
        errors.add(unknownField(section, name, field));
      } else if (value == null) {
        form.getValues().put(name, "");
      } else if (value instanceof String text) {
        form.getValues().put(name, text);
      } else if (value instanceof Number number) {
        form.getValues().put(name, plain(number));
      } else if (value instanceof List<?> codes
          && field.type() == FieldType.MULTIPLE_CHOICE
          && codes.stream().allMatch(String.class::isInstance)) {
        form.getValues().put(name, String.join(",", codes.stream().map(String::valueOf).toList()));
      } else {
        errors.add(
            new FieldErrorJson(
                name,
                "not-text-or-number",
                "Give a string or a number (check boxes: an array of codes), or null."));
      }
    }
    for (Map.Entry<String, String> entry : body.getMissing().entrySet()) {
      if (!names.contains(entry.getKey())) {
        errors.add(
            unknownField(section, entry.getKey(), section.field(entry.getKey()).orElse(null)));
      } else if (entry.getValue() != null) {
        form.getMissing().put(entry.getKey(), entry.getValue());
      }
    }
    if (!errors.isEmpty()) {
      throw ApiRequestException.invalid(errors);
    }
    form.setVersion(version);
    return form;
  }

  private static FieldErrorJson unknownField(
      SectionDefinition section, String name, FieldDefinition field) {
    if (field != null && field.type() == FieldType.CALCULATED) {
      return new FieldErrorJson(
          name, "calculated", "Calculated by the registry at every save: leave it out.");
    }
    if (field != null && field.retired()) {
      return new FieldErrorJson(name, "retired", "Retired: kept for stored values only.");
    }
    return new FieldErrorJson(
        name, "unknown-variable", "The section " + section.key() + " has no field " + name + ".");
  }

  private static String plain(Number number) {
    return new BigDecimal(number.toString()).toPlainString();
  }
}
