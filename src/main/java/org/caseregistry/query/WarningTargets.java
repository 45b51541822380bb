package org.caseregistry.query;

import java.util.Map;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;

/**
 * The field a stored warning code is about, so that a query raised from the warning sits next to
 * that field: "unusual-value:conduit_time_min" names its variable; the staging and complication
 * checks are about the field listed here; anything else is a query on the whole case.
 */
final class WarningTargets {

  record Target(Section section, String variable) {}

  private static final Map<String, String> VARIABLES =
      Map.of(
          "pn-mismatch", "pn",
          "p-after-neoadjuvant", "path_prefix",
          "yp-without-neoadjuvant", "path_prefix",
          "complications-missing", "any_complication",
          "complications-contradict", "any_complication");

  private static final Map<String, Section> SECTIONS =
      Map.of("positive-exceeds-examined", Section.NODES);

  private WarningTargets() {}

  static Target of(String storedCode) {
    int colon = storedCode.indexOf(':');
    String kind = colon < 0 ? storedCode : storedCode.substring(0, colon);
    String named = colon < 0 ? VARIABLES.get(kind) : storedCode.substring(colon + 1);
    if (named != null && CaseVariables.exists(named)) {
      Variable variable = CaseVariables.get(named);
      // A field of a list section needs its item; without one the query is on the section.
      return variable.section().isList()
          ? new Target(variable.section(), null)
          : new Target(variable.section(), variable.name());
    }
    return new Target(SECTIONS.get(kind), null);
  }
}
