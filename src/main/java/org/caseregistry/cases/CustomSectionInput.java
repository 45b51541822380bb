package org.caseregistry.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FieldValues;
import org.caseregistry.form.SectionDefinition;

/**
 * Reads what was typed into a custom section's form: typed values, the reasons given for missing
 * ones, and a problem for every field that cannot be taken. Retired fields are not on the form:
 * their stored values are kept as they are.
 */
final class CustomSectionInput {

  record Result(SectionValues values, List<FieldProblem> problems) {}

  private CustomSectionInput() {}

  static Result read(
      SectionDefinition section,
      Map<String, String> typed,
      Map<String, String> reasons,
      int version,
      SectionValues before) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, MissingReason> missing = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldDefinition field : section.fields()) {
      if (!field.type().holdsValue()) {
        continue;
      }
      Object stored = before == null ? null : before.get(field.name());
      if (field.retired()) {
        values.put(field.name(), stored);
        if (before != null && before.missing().containsKey(field.name())) {
          missing.put(field.name(), before.missing().get(field.name()));
        }
        continue;
      }
      if (field.type() == FieldType.CALCULATED) {
        continue;
      }
      String raw = typed.get(field.name());
      FieldValues.Parsed parsed =
          field.type() == FieldType.MULTIPLE_CHOICE
              ? FieldValues.parseCodes(
                  field,
                  raw == null || raw.isBlank() ? List.of() : List.of(raw.split(",")),
                  stored instanceof List<?> codes
                      ? codes.stream().map(String::valueOf).toList()
                      : List.of())
              : FieldValues.parse(field, raw, stored instanceof String code ? code : null);
      if (parsed.isError()) {
        problems.add(
            new FieldProblem(field.name(), parsed.errorKey(), parsed.errorArgs().toArray()));
        continue;
      }
      values.put(field.name(), parsed.value());
      MissingReason reason = reason(reasons.get(field.name()));
      if (reason != null && parsed.value() == null) {
        // A branched field comes back "not applicable" as stored; the branching decides again.
        if (reason == MissingReason.UNKNOWN && !field.unknownAllowed()
            || reason == MissingReason.NOT_APPLICABLE
                && !field.notApplicableAllowed()
                && !field.hasCondition()) {
          problems.add(new FieldProblem(field.name(), "form.value.reason-not-allowed"));
        } else {
          missing.put(field.name(), reason);
        }
      }
    }
    return new Result(new SectionValues(null, version, values, missing), problems);
  }

  private static MissingReason reason(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    for (MissingReason reason : MissingReason.values()) {
      if (reason.name().equals(raw.strip())) {
        return reason;
      }
    }
    return null;
  }
}
