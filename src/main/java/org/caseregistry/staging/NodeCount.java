package org.caseregistry.staging;

import java.util.Objects;

/**
 * Positive and examined regional nodes of one group (a field such as "thoracic", or a station).
 * Positive above examined is accepted here so that {@link StagingChecks} can report it.
 */
public record NodeCount(String group, int positive, int examined) {

  public NodeCount {
    Objects.requireNonNull(group, "group");
    if (positive < 0 || examined < 0) {
      throw new IllegalArgumentException(
          "Negative node count in " + group + ": " + positive + "/" + examined);
    }
  }
}
