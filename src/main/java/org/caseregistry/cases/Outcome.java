package org.caseregistry.cases;

import java.util.List;

/**
 * What every write of the cases module that bad input may refuse answers: saved (with the id of
 * what it saved, when it has one: the new case, the list item), or refused with the problems, each
 * naming the field it belongs next to. A refusal writes nothing. Refusals that are not about input
 * are exceptions: no access (404 or 403), a stale version ({@link
 * org.caseregistry.platform.EditConflictException}), a locked case.
 */
public record Outcome(List<FieldProblem> problems, Long id) {

  public Outcome {
    problems = List.copyOf(problems);
  }

  public static Outcome saved(Long id) {
    return new Outcome(List.of(), id);
  }

  public static Outcome refused(List<FieldProblem> problems) {
    return new Outcome(problems, null);
  }

  public boolean saved() {
    return problems.isEmpty();
  }
}
