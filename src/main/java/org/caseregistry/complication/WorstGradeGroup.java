package org.caseregistry.complication;

/**
 * Where a patient without a worst Clavien-Dindo grade is counted: complications without a grade,
 * answered "no complication", or nothing recorded. Patients with a grade are counted by its name.
 */
public enum WorstGradeGroup {
  UNGRADED,
  NONE,
  NOT_RECORDED
}
