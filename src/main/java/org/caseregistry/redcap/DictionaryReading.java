package org.caseregistry.redcap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.caseregistry.form.FormDefinition;

/**
 * What a data dictionary gives: the form it describes (rows that were skipped left out), every row
 * that could not be taken as it is, and the name of its record identifier (the first field, which
 * is the study code rather than a field of the form).
 */
public record DictionaryReading(
    FormDefinition form,
    List<DictionaryProblem> problems,
    String recordIdField,
    int rowCount,
    Map<String, Integer> fieldRows) {

  public DictionaryReading {
    problems = List.copyOf(problems);
    fieldRows = Map.copyOf(fieldRows);
  }

  /** The line a field of the form was read from; the heading's line (1) for anything else. */
  public int rowOf(String name) {
    return fieldRows.getOrDefault(name == null ? "" : name, 1);
  }

  /** The reading with more problems, found by judging the form against what is stored. */
  public DictionaryReading withProblems(List<DictionaryProblem> more) {
    List<DictionaryProblem> all = new ArrayList<>(problems);
    all.addAll(more);
    all.sort(Comparator.comparingInt(DictionaryProblem::row));
    return new DictionaryReading(form, all, recordIdField, rowCount, fieldRows);
  }

  /** Whether the form may be applied: no problem refuses it. */
  public boolean applicable() {
    return problems.stream()
        .noneMatch(problem -> problem.severity() == DictionaryProblem.Severity.REFUSED);
  }
}
