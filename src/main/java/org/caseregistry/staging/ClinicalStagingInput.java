package org.caseregistry.staging;

import java.util.Objects;

/** What clinical (cTNM) staging looks at; the clinical tables use neither grade nor location. */
public record ClinicalStagingInput(
    Histology histology,
    TCategory t,
    NCategory n,
    MCategory m,
    boolean epicentreMoreThan2cmIntoStomach) {

  public ClinicalStagingInput {
    Objects.requireNonNull(histology, "histology");
    Objects.requireNonNull(t, "t");
    Objects.requireNonNull(n, "n");
    Objects.requireNonNull(m, "m");
  }
}
