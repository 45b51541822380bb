package org.caseregistry.staging;

import java.util.Objects;
import java.util.Optional;

/** Outcome of staging: a stage group, or the reason none can be derived. */
public sealed interface StagingResult permits StagingResult.Derived, StagingResult.NotDerivable {

  static StagingResult derived(StageGroup group) {
    return new Derived(group);
  }

  static StagingResult notDerivable(StagingReason reason) {
    return new NotDerivable(reason);
  }

  /** The stage group, if derived. */
  Optional<StageGroup> stage();

  /** The reason, if not derived. */
  Optional<StagingReason> whyNotDerivable();

  default boolean isDerived() {
    return stage().isPresent();
  }

  /** English text such as "Stage IIA", for logs and tests only. */
  String describe();

  record Derived(StageGroup group) implements StagingResult {
    public Derived {
      Objects.requireNonNull(group, "group");
    }

    @Override
    public Optional<StageGroup> stage() {
      return Optional.of(group);
    }

    @Override
    public Optional<StagingReason> whyNotDerivable() {
      return Optional.empty();
    }

    @Override
    public String describe() {
      return StagingMessages.english(StagingMessages.STAGE_GROUP_KEY, group.label());
    }
  }

  record NotDerivable(StagingReason reason) implements StagingResult {
    public NotDerivable {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<StageGroup> stage() {
      return Optional.empty();
    }

    @Override
    public Optional<StagingReason> whyNotDerivable() {
      return Optional.of(reason);
    }

    @Override
    public String describe() {
      return reason.describe();
    }
  }
}
