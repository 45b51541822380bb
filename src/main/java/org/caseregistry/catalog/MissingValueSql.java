package org.caseregistry.catalog;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * SQL conditions for "this variable is not entered / unknown / not applicable" on the stored
 * section tables, written once so that the data-quality counts and the case list they link to
 * agree. A value the built-in branching says does not apply counts as not applicable, also when it
 * was stored (empty, without a reason) before the rule existed. Everything in the SQL comes from
 * the catalog, never from a request.
 */
public final class MissingValueSql {

  /** Why a value is missing. */
  public enum Kind {
    NOT_ENTERED,
    UNKNOWN,
    NOT_APPLICABLE
  }

  private MissingValueSql() {}

  /**
   * The condition for a single-section variable, with each section table joined under the alias
   * given (a section never saved joins as nulls: not entered).
   */
  public static String condition(Variable variable, Kind kind, Map<Section, String> aliases) {
    String alias = aliases.get(variable.section());
    String column = alias + "." + variable.name();
    String reason = alias + ".missing_reasons->>'" + variable.name() + "'";
    String doesNotApply = doesNotApply(variable, aliases);
    return switch (kind) {
      case NOT_ENTERED ->
          column
              + " is null and ("
              + reason
              + " is null or "
              + reason
              + " not in ('UNKNOWN', 'NOT_APPLICABLE')) and not "
              + doesNotApply;
      case UNKNOWN ->
          "(" + column + " is null and " + reason + " = 'UNKNOWN')" + codes(variable, column, true);
      case NOT_APPLICABLE ->
          "("
              + column
              + " is null and "
              + reason
              + " = 'NOT_APPLICABLE')"
              + codes(variable, column, false)
              + " or "
              + column
              + " is null and "
              + reason
              + " is null and "
              + doesNotApply;
    };
  }

  private static String codes(Variable variable, String column, boolean unknown) {
    String codes =
        variable.options().stream()
            .filter(option -> unknown ? option.isUnknown() : option.isNotApplicable())
            .map(option -> "'" + option.code() + "'")
            .collect(Collectors.joining(", "));
    return codes.isEmpty() ? "" : " or cast(" + column + " as text) in (" + codes + ")";
  }

  /** True when the branching rule of the variable holds; {@code false} without one. */
  private static String doesNotApply(Variable variable, Map<Section, String> aliases) {
    BuiltInApplicability.Rule rule = BuiltInApplicability.ruleFor(variable.name());
    if (rule == null) {
      return "false";
    }
    Variable controlling = CaseVariables.get(rule.controlling());
    String codes =
        rule.codes().stream()
            .sorted()
            .map(code -> "'" + code + "'")
            .collect(Collectors.joining(", "));
    return "coalesce(cast("
        + aliases.get(controlling.section())
        + "."
        + controlling.name()
        + " as text) in ("
        + codes
        + "), false)";
  }
}
