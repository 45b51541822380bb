package org.caseregistry.cases.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.ValueParser;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldValues;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEvaluator;
import org.caseregistry.form.SectionDefinition;

/** The form evaluator for one case: custom values plus the built-in variables it may read. */
public final class CustomRules {

  private CustomRules() {}

  public static FormEvaluator evaluator(FormDefinition form, CaseData data) {
    return new FormEvaluator(
        form, name -> builtInValue(form, data, name), data.custom().singleValues());
  }

  /** Warnings on custom fields: outside the usual range, or required and left empty. */
  public static List<FormEvaluator.Warning> warnings(FormDefinition form, CaseData data) {
    FormEvaluator evaluator = evaluator(form, data);
    List<FormEvaluator.Warning> warnings = new ArrayList<>();
    for (SectionDefinition section : form.activeSections()) {
      if (section.repeating()) {
        for (SectionValues item : data.custom().items(section.key())) {
          warnings.addAll(
              evaluator.warnings(section, item.itemId(), item.values(), item.missing()));
        }
      } else {
        SectionValues values = data.custom().single(section.key());
        if (values.version() == 0) {
          continue; // not entered yet: the section's state says so, not a warning per field
        }
        warnings.addAll(evaluator.warnings(section, null, values.values(), values.missing()));
      }
    }
    return warnings;
  }

  /**
   * The values a condition may read outside the section at hand, as text (check boxes as lists of
   * codes): what the browser needs to show the fields the server will ask.
   */
  public static Map<String, Object> knownValues(
      FormDefinition form, CaseData data, String exceptKey) {
    Map<String, Object> known = new LinkedHashMap<>();
    for (Section module : form.modules()) {
      if (!module.isList()) {
        data.single(module)
            .values()
            .forEach(
                (name, value) -> {
                  if (value != null) {
                    known.put(name, ValueParser.format(value));
                  }
                });
      }
    }
    for (SectionDefinition section : form.sections()) {
      if (section.repeating() || section.key().equals(exceptKey)) {
        continue;
      }
      data.custom()
          .single(section.key())
          .values()
          .forEach(
              (name, value) -> {
                if (value instanceof List<?> codes) {
                  known.put(name, codes);
                } else if (value != null) {
                  known.put(name, FieldValues.format(value));
                }
              });
    }
    return known;
  }

  private static Object builtInValue(FormDefinition form, CaseData data, String name) {
    if (!CaseVariables.exists(name)) {
      return null;
    }
    Variable variable = CaseVariables.get(name);
    if (variable.section().isList() || !form.hasModule(variable.section())) {
      return null;
    }
    return data.single(variable.section()).get(name);
  }
}
