package org.caseregistry.staging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Consistency checks on recorded staging data: they warn, they never refuse. */
public final class StagingChecks {

  private StagingChecks() {}

  /** All checks below for one case. */
  public static List<StagingWarning> check(StagingCheckInput input) {
    List<StagingWarning> warnings = new ArrayList<>();
    warnings.addAll(prefix(input.prefix(), input.neoadjuvantTherapyGiven()));
    warnings.addAll(pathologicalN(input.prefix(), input.recordedN(), input.nodeCounts()));
    warnings.addAll(nodeCounts(input.nodeCounts()));
    return List.copyOf(warnings);
  }

  /** p after neoadjuvant therapy should be yp; yp without neoadjuvant therapy should be p. */
  public static List<StagingWarning> prefix(StagePrefix prefix, boolean neoadjuvantTherapyGiven) {
    if (prefix == StagePrefix.P && neoadjuvantTherapyGiven) {
      return List.of(new StagingWarning(StagingWarningCode.P_PREFIX_AFTER_NEOADJUVANT));
    }
    if (prefix == StagePrefix.YP && !neoadjuvantTherapyGiven) {
      return List.of(new StagingWarning(StagingWarningCode.YP_PREFIX_WITHOUT_NEOADJUVANT));
    }
    return List.of();
  }

  /**
   * A recorded pN or ypN against the N category the positive nodes give. Clinical N is not counted
   * from resected nodes, and NX or no counts leave nothing to compare.
   */
  public static List<StagingWarning> pathologicalN(
      StagePrefix prefix, NCategory recordedN, Collection<NodeCount> nodeCounts) {
    if (prefix == StagePrefix.C || !recordedN.isKnown() || nodeCounts.isEmpty()) {
      return List.of();
    }
    int positive = nodeCounts.stream().mapToInt(NodeCount::positive).sum();
    NCategory expected = NCategory.fromPositiveNodes(positive);
    if (expected == recordedN) {
      return List.of();
    }
    return nodeCountDisagrees(prefix, recordedN.code(), positive, expected.code());
  }

  /** The warning of a recorded pN (or ypN) that the count of positive nodes does not give. */
  static List<StagingWarning> nodeCountDisagrees(
      StagePrefix prefix, String recordedN, int positive, String expectedN) {
    return List.of(
        new StagingWarning(
            StagingWarningCode.PN_DISAGREES_WITH_NODE_COUNT,
            prefix.code() + recordedN,
            positive,
            prefix.code() + expectedN));
  }

  /** Every group with more positive than examined nodes. */
  public static List<StagingWarning> nodeCounts(Collection<NodeCount> nodeCounts) {
    return nodeCounts.stream()
        .filter(count -> count.positive() > count.examined())
        .map(
            count ->
                new StagingWarning(
                    StagingWarningCode.POSITIVE_EXCEEDS_EXAMINED,
                    count.group(),
                    count.positive(),
                    count.examined()))
        .toList();
  }

  /**
   * What the checks look at. When it is not known whether neoadjuvant therapy was given, call
   * {@link #pathologicalN} and {@link #nodeCounts} on their own instead.
   */
  public record StagingCheckInput(
      StagePrefix prefix,
      NCategory recordedN,
      List<NodeCount> nodeCounts,
      boolean neoadjuvantTherapyGiven) {

    public StagingCheckInput {
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(recordedN, "recordedN");
      nodeCounts = List.copyOf(nodeCounts);
    }
  }
}
