package org.caseregistry.catalog;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The built-in form's branching, as data: which variables (and list sections) do not apply given
 * another value of the case, such as the neoadjuvant dates when there was no neoadjuvant therapy.
 * The form hides them (in the browser, as a convenience), the save stores them as "not applicable"
 * (the server decides) and the data-quality report does not count them as missing.
 */
public final class BuiltInApplicability {

  /** {@code variable} does not apply while {@code controlling} holds one of {@code codes}. */
  public record Rule(String variable, String controlling, Set<String> codes) {

    public boolean holds(Function<String, Object> valueOf) {
      Object value = valueOf.apply(controlling);
      return value != null && codes.contains(value.toString());
    }

    /** The condition as the form's script reads it: {@code controlling:CODE,CODE}. */
    public String formCondition() {
      return controlling + ":" + String.join(",", codes.stream().sorted().toList());
    }
  }

  /** A list section whose items do not apply while {@code controlling} holds one of the codes. */
  public record SectionRule(Section section, String controlling, Set<String> codes) {

    public boolean holds(Function<String, Object> valueOf) {
      Object value = valueOf.apply(controlling);
      return value != null && codes.contains(value.toString());
    }
  }

  private static final List<Rule> RULES =
      List.of(
          new Rule("neoadjuvant_start_date", "neoadjuvant_therapy", Set.of("NONE")),
          new Rule("neoadjuvant_end_date", "neoadjuvant_therapy", Set.of("NONE")),
          new Rule("neoadjuvant_regimen", "neoadjuvant_therapy", Set.of("NONE")),
          new Rule("intraop_complication_details", "intraop_complication", Set.of("NO")),
          new Rule("adjuvant_start_date", "adjuvant_therapy", Set.of("NONE")),
          new Rule("adjuvant_regimen", "adjuvant_therapy", Set.of("NONE")));

  private static final List<SectionRule> SECTION_RULES =
      List.of(new SectionRule(Section.COMPLICATIONS, "any_complication", Set.of("NO")));

  static {
    for (Rule rule : RULES) {
      Variable variable = CaseVariables.get(rule.variable());
      Variable controlling = CaseVariables.get(rule.controlling());
      if (!variable.notApplicableAllowed() || !controlling.isCoded()) {
        throw new IllegalStateException("Applicability rule on " + rule.variable());
      }
    }
  }

  private BuiltInApplicability() {}

  public static List<Rule> rules() {
    return RULES;
  }

  public static List<SectionRule> sectionRules() {
    return SECTION_RULES;
  }

  /** The rule that can make this variable not apply, if any. */
  public static Rule ruleFor(String variable) {
    return RULES.stream().filter(rule -> rule.variable().equals(variable)).findFirst().orElse(null);
  }

  /** Whether the variable does not apply, given the case's values (by variable name). */
  public static boolean notApplicable(String variable, Function<String, Object> valueOf) {
    Rule rule = ruleFor(variable);
    return rule != null && rule.holds(valueOf);
  }

  /** Whether a list section does not apply, given the case's values. */
  public static boolean notApplicable(Section section, Function<String, Object> valueOf) {
    return SECTION_RULES.stream()
        .anyMatch(rule -> rule.section() == section && rule.holds(valueOf));
  }
}
