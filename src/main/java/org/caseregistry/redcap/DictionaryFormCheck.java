package org.caseregistry.redcap;

import static org.caseregistry.redcap.DictionaryColumns.FIELD_NAME;
import static org.caseregistry.redcap.DictionaryProblem.problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.Expression;
import org.caseregistry.form.ExpressionException;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormRules;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.redcap.DictionaryProblem.Severity;
import org.caseregistry.redcap.DictionaryRowReader.Taken;
import org.caseregistry.redcap.RedcapCsv.Line;

/**
 * Checks a dictionary's rows together once all are read: the built-in modules complete, branching
 * and calculations that can be evaluated against the fields taken, and the form rules.
 */
final class DictionaryFormCheck {

  private static final Pattern RULE_PATH =
      Pattern.compile("sections\\[(\\d+)\\](?:\\.fields\\[(\\d+)\\])?");

  private final List<DictionaryProblem> problems;
  private final List<Taken> taken;
  private final Map<String, List<Line>> moduleRows;

  DictionaryFormCheck(
      List<DictionaryProblem> problems, List<Taken> taken, Map<String, List<Line>> moduleRows) {
    this.problems = problems;
    this.taken = taken;
    this.moduleRows = moduleRows;
  }

  /** The built-in modules whose rows are all there, and only those; any other refused. */
  List<Section> modules() {
    List<Section> modules = new ArrayList<>();
    moduleRows.forEach(
        (form, lines) -> {
          Section module = BuiltInModuleFields.moduleNamed(form);
          Set<String> expected = BuiltInModuleFields.variableNames(module);
          Set<String> found = new LinkedHashSet<>();
          lines.forEach(line -> found.add(line.cell(FIELD_NAME).strip()));
          if (found.equals(expected)) {
            modules.add(module);
            return;
          }
          Set<String> missing = new LinkedHashSet<>(expected);
          missing.removeAll(found);
          Set<String> extra = new LinkedHashSet<>(found);
          extra.removeAll(expected);
          problems.add(
              problem(
                  lines.get(0).number(),
                  form,
                  Severity.REFUSED,
                  "module_mismatch",
                  form,
                  String.join(", ", missing),
                  String.join(", ", extra)));
        });
    return modules;
  }

  /** Branching and calculations judged against the fields taken; repeated while one falls. */
  void checkExpressions(List<Section> modules) {
    boolean changed = true;
    Set<String> branchingReported = new HashSet<>();
    while (changed) {
      changed = false;
      Set<String> known = new HashSet<>();
      modules.stream()
          .filter(module -> !module.isList())
          .forEach(module -> known.addAll(BuiltInModuleFields.variableNames(module)));
      taken.stream()
          .filter(t -> t.field().type().holdsValue())
          .forEach(t -> known.add(t.field().name()));
      for (int i = 0; i < taken.size(); i++) {
        Taken item = taken.get(i);
        FieldDefinition field = item.field();
        if (field.calculation() != null && !field.calculation().isBlank()) {
          Optional<String> problem = expressionProblem(field.calculation(), known);
          if (problem.isPresent()) {
            problems.add(
                problem(
                    item.row(),
                    field.name(),
                    Severity.SKIPPED,
                    "calculation_unsupported",
                    problem.get()));
            taken.remove(i);
            changed = true;
            break;
          }
        }
        if (field.hasCondition()) {
          Optional<String> problem = expressionProblem(field.showIf(), known);
          if (problem.isPresent() && branchingReported.add(field.name())) {
            problems.add(
                problem(
                    item.row(),
                    field.name(),
                    Severity.CHANGED,
                    "branching_unsupported",
                    problem.get()));
            taken.set(
                i, new Taken(item.row(), item.form(), field.toBuilder().showIf(null).build()));
          }
        }
      }
    }
  }

  /** Whatever the form rules still find refuses the file, reported at the row it comes from. */
  void formRules(FormDefinition form) {
    Map<String, Integer> rowOf = new HashMap<>();
    taken.forEach(t -> rowOf.putIfAbsent(t.field().name(), t.row()));
    for (FormRules.Problem rule : FormRules.check(form)) {
      Matcher path = RULE_PATH.matcher(rule.path());
      String field = "";
      int row = 1;
      if (path.lookingAt()) {
        SectionDefinition section = form.sections().get(Integer.parseInt(path.group(1)));
        int index = path.group(2) == null ? 0 : Integer.parseInt(path.group(2));
        if (index < section.fields().size()) {
          field = section.fields().get(index).name();
          row = rowOf.getOrDefault(field, 1);
        }
      }
      problems.add(
          new DictionaryProblem(row, field, Severity.REFUSED, rule.messageKey(), rule.arguments()));
    }
  }

  /**
   * Why a condition or calculation cannot be evaluated here: it does not parse in the registry's
   * expression language, or it reads a variable the form does not have (built-in variables of list
   * modules included, which have no one value).
   */
  private static Optional<String> expressionProblem(String text, Set<String> known) {
    try {
      Expression expression = Expression.parse(text);
      for (String name : expression.variables()) {
        if (!known.contains(name)) {
          return Optional.of("[" + name + "]");
        }
      }
      return Optional.empty();
    } catch (ExpressionException invalid) {
      return Optional.of(invalid.getMessage());
    }
  }
}
