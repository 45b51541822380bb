package org.caseregistry.staging;

import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of staging: a stage group, or the reason none can be derived; either may carry a note on
 * how it was reached (e.g. staged with the gastric tables).
 */
public sealed interface StagingResult permits StagingResult.Derived, StagingResult.NotDerivable {

  static StagingResult derived(StageGroup group) {
    return new Derived(group, null);
  }

  static StagingResult notDerivable(StagingReason reason) {
    return new NotDerivable(reason, null);
  }

  /** The stage group, if derived. */
  Optional<StageGroup> stage();

  /** The reason, if not derived. */
  Optional<StagingReason> whyNotDerivable();

  /** How the result was reached, when that is worth saying. */
  Optional<StagingNote> stagingNote();

  /** The same result with a note. */
  StagingResult withNote(StagingNote note);

  default boolean isDerived() {
    return stage().isPresent();
  }

  /** English text such as "Stage IIA", for logs and tests only. */
  String describe();

  /**
   * @param note how the stage was reached, or null
   */
  record Derived(StageGroup group, StagingNote note) implements StagingResult {
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
    public Optional<StagingNote> stagingNote() {
      return Optional.ofNullable(note);
    }

    @Override
    public StagingResult withNote(StagingNote note) {
      return new Derived(group, note);
    }

    @Override
    public String describe() {
      String stage = StagingMessages.english(StagingMessages.STAGE_GROUP_KEY, group.label());
      return note == null ? stage : stage + " (" + StagingMessages.english(note.messageKey()) + ")";
    }
  }

  /**
   * @param note how the staging was attempted, or null
   */
  record NotDerivable(StagingReason reason, StagingNote note) implements StagingResult {
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
    public Optional<StagingNote> stagingNote() {
      return Optional.ofNullable(note);
    }

    @Override
    public StagingResult withNote(StagingNote note) {
      return new NotDerivable(reason, note);
    }

    @Override
    public String describe() {
      String why = reason.describe();
      return note == null ? why : why + " (" + StagingMessages.english(note.messageKey()) + ")";
    }
  }
}
