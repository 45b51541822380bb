package org.caseregistry.api;

import java.util.List;
import java.util.Locale;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.catalog.CaseVariables;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The API speaks English: field problems get the English text of the same message the pages show,
 * with variable names in arguments replaced by their labels.
 */
@Component
class ApiMessages {

  static final Locale LANGUAGE = Locale.ENGLISH;

  private final MessageSource messages;

  ApiMessages(MessageSource messages) {
    this.messages = messages;
  }

  List<FieldErrorJson> errors(List<FieldProblem> problems) {
    return problems.stream()
        .map(
            problem ->
                new FieldErrorJson(
                    problem.variable(),
                    problem.messageKey(),
                    text(problem.messageKey(), problem.arguments())))
        .toList();
  }

  String text(String key, List<Object> arguments) {
    Object[] resolved = arguments.stream().map(ApiMessages::labelIfVariable).toArray();
    return messages.getMessage(
        new DefaultMessageSourceResolvable(new String[] {key}, resolved, key), LANGUAGE);
  }

  private static Object labelIfVariable(Object argument) {
    if (argument instanceof String name && CaseVariables.exists(name)) {
      return new DefaultMessageSourceResolvable(new String[] {"var." + name}, name);
    }
    return argument;
  }
}
