package org.caseregistry.staging;

import java.util.Collection;
import java.util.List;

/**
 * Consistency checks on recorded gastric staging data; they warn, they never refuse. The prefix and
 * positive-above-examined checks are those of {@link StagingChecks}.
 */
public final class GastricStagingChecks {

  /** AJCC 8th edition: at least 16 examined regional nodes are recommended for pN. */
  public static final int RECOMMENDED_EXAMINED_NODES = 16;

  private GastricStagingChecks() {}

  /**
   * A recorded pN or ypN against the category the positive nodes give. A recorded N3 without a or b
   * agrees with a count that gives N3a or N3b; clinical N, NX and no counts are not compared.
   */
  public static List<StagingWarning> pathologicalN(
      StagePrefix prefix, GastricNCategory recordedN, Collection<NodeCount> nodeCounts) {
    if (prefix == StagePrefix.C || !recordedN.isKnown() || nodeCounts.isEmpty()) {
      return List.of();
    }
    int positive = nodeCounts.stream().mapToInt(NodeCount::positive).sum();
    GastricNCategory expected = GastricNCategory.fromPositiveNodes(positive);
    if (recordedN.covers(expected)) {
      return List.of();
    }
    return StagingChecks.nodeCountDisagrees(prefix, recordedN.code(), positive, expected.code());
  }

  /** Fewer than 16 nodes examined in all, once any node count is recorded. */
  public static List<StagingWarning> examinedNodes(Collection<NodeCount> nodeCounts) {
    if (nodeCounts.isEmpty()) {
      return List.of();
    }
    int examined = nodeCounts.stream().mapToInt(NodeCount::examined).sum();
    return examined < RECOMMENDED_EXAMINED_NODES
        ? List.of(new StagingWarning(StagingWarningCode.FEWER_THAN_16_NODES_EXAMINED, examined))
        : List.of();
  }
}
