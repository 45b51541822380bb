package org.caseregistry.staging;

import java.util.Objects;

/**
 * What pathological (pTNM) staging looks at. Grade matters for both histologies, the location of
 * the epicentre for squamous tumours only.
 */
public record PathologicalStagingInput(
    Histology histology,
    TCategory t,
    NCategory n,
    MCategory m,
    Grade grade,
    TumourLocation location,
    boolean epicentreMoreThan2cmIntoStomach) {

  public PathologicalStagingInput {
    Objects.requireNonNull(histology, "histology");
    Objects.requireNonNull(t, "t");
    Objects.requireNonNull(n, "n");
    Objects.requireNonNull(m, "m");
    Objects.requireNonNull(grade, "grade");
    Objects.requireNonNull(location, "location");
  }

  /** The same findings read as ypTNM, which ignores grade and location. */
  public PostNeoadjuvantStagingInput asPostNeoadjuvant() {
    return new PostNeoadjuvantStagingInput(histology, t, n, m, epicentreMoreThan2cmIntoStomach);
  }
}
