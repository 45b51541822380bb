package org.caseregistry.staging;

import java.util.Objects;

/** What gastric staging looks at, for every classification: grade and location do not matter. */
public record GastricStagingInput(
    GastricHistology histology, TCategory t, GastricNCategory n, MCategory m) {

  public GastricStagingInput {
    Objects.requireNonNull(histology, "histology");
    Objects.requireNonNull(t, "t");
    Objects.requireNonNull(n, "n");
    Objects.requireNonNull(m, "m");
  }
}
