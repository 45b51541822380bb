package org.caseregistry.cases;

import java.util.List;

/**
 * What other features say stands in the way of marking a case complete (e.g. its open field
 * queries). Implemented outside this package, so that the case does not depend on those features.
 */
public interface CompletionBlockers {

  /** Message keys with their arguments; empty when nothing of this feature blocks the case. */
  List<Blocker> blockers(long caseId);

  /** Why a case cannot be marked complete yet: a message key and its arguments. */
  record Blocker(String messageKey, List<Object> arguments) {}
}
