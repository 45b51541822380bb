package org.caseregistry.staging;

import java.util.Objects;

/**
 * What staging after neoadjuvant therapy (ypTNM) looks at: one table for squamous and
 * adenocarcinoma, without grade or location. Histology still matters, as an {@link Histology#OTHER}
 * tumour is not staged.
 */
public record PostNeoadjuvantStagingInput(
    Histology histology,
    TCategory t,
    NCategory n,
    MCategory m,
    boolean epicentreMoreThan2cmIntoStomach) {

  public PostNeoadjuvantStagingInput {
    Objects.requireNonNull(histology, "histology");
    Objects.requireNonNull(t, "t");
    Objects.requireNonNull(n, "n");
    Objects.requireNonNull(m, "m");
  }
}
