package org.caseregistry.form;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Variable;

/**
 * The form rules of branching conditions and calculations: they parse, read only fields the form
 * has (and may read from where they are), and no calculation reads itself through others.
 */
final class FormExpressionRules {

  private FormExpressionRules() {}

  /**
   * Conditions and calculations parse and read fields the form has: custom fields, or built-in
   * variables of the modules it switches on (single sections only: a list has no one value). A
   * field of a repeating section is read only from its own section, where an item is at hand.
   */
  static void check(
      FormDefinition form,
      Map<String, FieldDefinition> fields,
      Map<String, String> sectionOfField,
      List<FormRules.Problem> problems) {
    Map<String, Set<String>> calculationReads = new HashMap<>();
    for (int s = 0; s < form.sections().size(); s++) {
      SectionDefinition section = form.sections().get(s);
      for (int f = 0; f < section.fields().size(); f++) {
        FieldDefinition field = section.fields().get(f);
        String path = "sections[" + s + "].fields[" + f + "]";
        if (!FormRules.blank(field.showIf())) {
          checkExpression(
              form, fields, sectionOfField, section, field.showIf(), path + ".showIf", problems);
        }
        if (field.type() == FieldType.CALCULATED && !FormRules.blank(field.calculation())) {
          Expression parsed =
              checkExpression(
                  form,
                  fields,
                  sectionOfField,
                  section,
                  field.calculation(),
                  path + ".calculation",
                  problems);
          if (parsed != null && field.name() != null) {
            calculationReads.put(field.name(), parsed.variables());
          }
        }
      }
    }
    for (String name : calculationReads.keySet()) {
      if (readsItself(name, name, calculationReads, new HashSet<>())) {
        problems.add(
            new FormRules.Problem(pathOf(form, name) + ".calculation", "form.problem.cycle", name));
      }
    }
  }

  private static boolean readsItself(
      String start, String current, Map<String, Set<String>> reads, Set<String> seen) {
    for (String next : reads.getOrDefault(current, Set.of())) {
      if (next.equals(start)) {
        return true;
      }
      if (seen.add(next) && readsItself(start, next, reads, seen)) {
        return true;
      }
    }
    return false;
  }

  private static Expression checkExpression(
      FormDefinition form,
      Map<String, FieldDefinition> fields,
      Map<String, String> sectionOfField,
      SectionDefinition section,
      String text,
      String path,
      List<FormRules.Problem> problems) {
    Expression expression;
    try {
      expression = Expression.parse(text);
    } catch (ExpressionException invalid) {
      problems.add(new FormRules.Problem(path, "form.problem.expression", invalid.getMessage()));
      return null;
    }
    for (String name : expression.variables()) {
      FieldDefinition field = fields.get(name);
      if (field != null) {
        String home = sectionOfField.get(name);
        boolean ownSection = home.equals(section.key());
        boolean fromList = form.section(home).map(SectionDefinition::repeating).orElse(false);
        if (fromList && !ownSection) {
          problems.add(new FormRules.Problem(path, "form.problem.expression-list-field", name));
        }
        if (!field.type().holdsValue()) {
          problems.add(new FormRules.Problem(path, "form.problem.expression-unknown", name));
        }
        Set<String> items = expression.checkboxCodes().getOrDefault(name, Set.of());
        if (!items.isEmpty() && field.type() != FieldType.MULTIPLE_CHOICE) {
          problems.add(new FormRules.Problem(path, "form.problem.expression-not-checkbox", name));
        }
        for (String code : items) {
          if (field.type() == FieldType.MULTIPLE_CHOICE && field.choice(code).isEmpty()) {
            problems.add(new FormRules.Problem(path, "form.problem.expression-code", name, code));
          }
        }
      } else if (!builtInReadable(form, name)) {
        problems.add(new FormRules.Problem(path, "form.problem.expression-unknown", name));
      }
    }
    return expression;
  }

  private static boolean builtInReadable(FormDefinition form, String name) {
    if (!CaseVariables.exists(name)) {
      return false;
    }
    Variable variable = CaseVariables.get(name);
    return !variable.section().isList() && form.hasModule(variable.section());
  }

  private static String pathOf(FormDefinition form, String fieldName) {
    for (int s = 0; s < form.sections().size(); s++) {
      List<FieldDefinition> fields = form.sections().get(s).fields();
      for (int f = 0; f < fields.size(); f++) {
        if (fieldName.equals(fields.get(f).name())) {
          return "sections[" + s + "].fields[" + f + "]";
        }
      }
    }
    return "sections";
  }
}
