package org.caseregistry.redcap;

import java.util.List;
import org.caseregistry.form.FormDefinition;

/**
 * What a data dictionary gives: the form it describes (rows that were skipped left out), every row
 * that could not be taken as it is, and the name of its record identifier (the first field, which
 * is the study code rather than a field of the form).
 */
public record DictionaryReading(
    FormDefinition form, List<DictionaryProblem> problems, String recordIdField, int rowCount) {

  public DictionaryReading {
    problems = List.copyOf(problems);
  }

  /** Whether the form may be applied: no problem refuses it. */
  public boolean applicable() {
    return problems.stream()
        .noneMatch(problem -> problem.severity() == DictionaryProblem.Severity.REFUSED);
  }
}
