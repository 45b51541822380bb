package org.caseregistry.staging;

import java.util.List;
import java.util.Objects;

/** An inconsistency worth showing to whoever records the case; it never blocks saving. */
public record StagingWarning(StagingWarningCode code, List<Object> arguments) {

  public StagingWarning {
    Objects.requireNonNull(code, "code");
    arguments = List.copyOf(arguments);
  }

  public StagingWarning(StagingWarningCode code, Object... arguments) {
    this(code, List.of(arguments));
  }

  public String messageKey() {
    return code.messageKey();
  }

  /**
   * English text, for logs and tests; the user interface translates {@link #messageKey()} with
   * {@link #arguments()}.
   */
  public String describe() {
    return StagingMessages.english(messageKey(), arguments.toArray());
  }
}
