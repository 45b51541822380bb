package org.caseregistry.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Variable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** Small helpers the query pages share. */
final class QueryPages {

  private QueryPages() {}

  /** The field a query is on and the record holding its value now, for the page to show. */
  record Current(Variable variable, SectionValues values) {}

  /** Each problem's message by the form field it belongs next to. */
  static Map<String, String> byField(
      List<FieldProblem> problems, MessageSource messages, Locale locale) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldProblem problem : problems) {
      // A refused correction names the variable; the page shows it next to the value field.
      String field =
          CaseVariables.exists(problem.variable()) ? "value" : String.valueOf(problem.variable());
      Object[] arguments = problem.arguments().stream().map(QueryPages::labelIfVariable).toArray();
      byField.putIfAbsent(
          field,
          messages.getMessage(
              new DefaultMessageSourceResolvable(
                  new String[] {problem.messageKey()}, arguments, problem.messageKey()),
              locale));
    }
    return byField;
  }

  private static Object labelIfVariable(Object argument) {
    if (argument instanceof String name && CaseVariables.exists(name)) {
      return new DefaultMessageSourceResolvable(new String[] {"var." + name}, name);
    }
    return argument;
  }

  static Current currentValue(CaseService.CaseView view, FieldQuery query) {
    if (!query.onField() || !CaseVariables.exists(query.variable())) {
      return null;
    }
    Variable variable = CaseVariables.get(query.variable());
    if (query.itemId() == null) {
      return new Current(variable, view.data().single(query.section()));
    }
    return view.data().items(query.section()).stream()
        .filter(item -> query.itemId().equals(item.itemId()))
        .findFirst()
        .map(item -> new Current(variable, item))
        .orElse(null);
  }
}
