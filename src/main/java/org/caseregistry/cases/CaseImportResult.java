package org.caseregistry.cases;

import java.util.List;
import java.util.Map;
import org.caseregistry.catalog.Section;

/**
 * What an import does, or would do (dry run): per case whether it is new, updated or unchanged,
 * with its warnings; and every problem that refuses the import, each once.
 *
 * @param written whether the cases were written (never when there is a problem)
 * @param revisions for every study code of the import (lower case), the revision of the stored case
 *     judged against, 0 where there was none: what a later commit must find unchanged
 */
public record CaseImportResult(
    List<CaseOutcome> outcomes,
    List<Problem> problems,
    boolean written,
    Map<String, Long> revisions) {

  public enum Kind {
    NEW,
    UPDATED,
    UNCHANGED
  }

  /**
   * @param changedFields for an updated case, the variables that change (list items as
   *     "nodes_positive (nodes 2)")
   */
  public record CaseOutcome(
      int ref,
      String studyCode,
      Kind kind,
      List<String> changedFields,
      List<CaseWarning> warnings) {}

  /**
   * A problem with one case. {@code section} and {@code item} (0-based position in a list section)
   * say where; {@code field} is a variable, "study_code" or "site_code".
   */
  public record Problem(
      int ref,
      Section section,
      Integer item,
      String field,
      String messageKey,
      List<Object> arguments) {}

  public long count(Kind kind) {
    return outcomes.stream().filter(outcome -> outcome.kind() == kind).count();
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}
