package org.caseregistry.cases;

import java.util.List;

/** A hard error on one field: the save is refused and the message shown next to the field. */
public record FieldProblem(String variable, String messageKey, List<Object> arguments) {

  public FieldProblem(String variable, String messageKey, Object... arguments) {
    this(variable, messageKey, List.of(arguments));
  }
}
