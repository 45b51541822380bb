package org.caseregistry.cases.web;

import java.util.List;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.catalog.CaseVariables;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;

/** Puts field problems next to their fields; arguments naming a variable show its label. */
final class Problems {

  private Problems() {}

  static void bind(List<FieldProblem> problems, BindingResult result) {
    for (FieldProblem problem : problems) {
      Object[] arguments = problem.arguments().stream().map(Problems::labelIfVariable).toArray();
      result.rejectValue(
          "values[" + problem.variable() + "]",
          problem.messageKey(),
          arguments,
          problem.messageKey());
    }
  }

  /**
   * Problems of a form whose properties are named as the problems' variables (study code, site).
   */
  static void bindProperties(List<FieldProblem> problems, BindingResult result) {
    for (FieldProblem problem : problems) {
      result.rejectValue(
          problem.variable(),
          problem.messageKey(),
          problem.arguments().toArray(),
          problem.messageKey());
    }
  }

  static Object labelIfVariable(Object argument) {
    if (argument instanceof String name && CaseVariables.exists(name)) {
      MessageSourceResolvable label =
          new DefaultMessageSourceResolvable(new String[] {"var." + name}, name);
      return label;
    }
    return argument;
  }
}
