package org.caseregistry.redcap;

import java.util.Optional;
import java.util.Set;

/**
 * Judges a branching condition or a calculation taken from a dictionary: the reason it cannot be
 * evaluated here (a function or syntax the registry's expression language lacks, a variable the
 * form does not have), or empty when it can.
 */
@FunctionalInterface
public interface ExpressionCheck {

  Optional<String> problem(String expression, Set<String> knownVariables);
}
