package org.caseregistry.cases;

import java.io.Serializable;
import java.util.List;

/**
 * Something a case should be looked at for: saved, but flagged on the case page, in the case list
 * and on the data-quality page.
 *
 * @param code stable code, stored with the case (e.g. "pn-mismatch")
 * @param variable the variable it concerns, if one
 */
public record CaseWarning(String code, String variable, String messageKey, List<Object> arguments)
    implements Serializable {

  public CaseWarning(String code, String variable, Object... arguments) {
    this(code, variable, "warning." + code, List.of(arguments));
  }

  /** The form stored with the case: the code, with the variable where it names one. */
  public String storedCode() {
    return variable == null ? code : code + ":" + variable;
  }
}
