package org.caseregistry.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.catalog.BuiltInApplicability;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;

/**
 * Reads the text of a section (from a form, an import row or an API body) into typed values,
 * collecting every problem instead of stopping at the first.
 */
public final class SectionInput {

  private SectionInput() {}

  public record Result(SectionValues values, List<FieldProblem> problems) {}

  public static Result read(
      Section section, Map<String, String> texts, Map<String, String> missingReasons, int version) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, MissingReason> missing = new LinkedHashMap<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (Variable variable : CaseVariables.of(section)) {
      String text = texts.get(variable.name());
      ValueParser.Parsed parsed = ValueParser.parse(variable, text);
      if (parsed.isError()) {
        problems.add(new FieldProblem(variable.name(), parsed.errorKey(), parsed.errorArgs()));
        continue;
      }
      values.put(variable.name(), parsed.value());
      String reason = missingReasons.get(variable.name());
      if (parsed.value() == null && reason != null && !reason.isBlank()) {
        if (!variable.acceptsMissingReason()
            || reason.equals(MissingReason.NOT_APPLICABLE.name())
                && !variable.notApplicableAllowed()
            || !reason.equals(MissingReason.UNKNOWN.name())
                && !reason.equals(MissingReason.NOT_APPLICABLE.name())) {
          problems.add(new FieldProblem(variable.name(), "value.unknown-code", reason));
        } else {
          missing.put(variable.name(), MissingReason.valueOf(reason));
        }
      }
    }
    applyBranching(section, values, missing, problems);
    return new Result(new SectionValues(null, version, values, missing), problems);
  }

  /**
   * The built-in branching, decided here for every way in (form, import, API): a variable that does
   * not apply given another value of its section is stored as not applicable, whatever was typed
   * into it (the form hides it; without a script it may still hold text).
   */
  private static void applyBranching(
      Section section,
      Map<String, Object> values,
      Map<String, MissingReason> missing,
      List<FieldProblem> problems) {
    for (BuiltInApplicability.Rule rule : BuiltInApplicability.rules()) {
      Variable variable = CaseVariables.get(rule.variable());
      if (variable.section() != section
          || CaseVariables.get(rule.controlling()).section() != section
          || !rule.holds(values::get)) {
        continue;
      }
      values.put(variable.name(), null);
      missing.put(variable.name(), MissingReason.NOT_APPLICABLE);
      problems.removeIf(problem -> problem.variable().equals(variable.name()));
    }
  }
}
