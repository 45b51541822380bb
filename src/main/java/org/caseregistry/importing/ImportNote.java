package org.caseregistry.importing;

import java.io.Serializable;
import java.util.List;

/**
 * Something the import did that the user should know but that refuses nothing (ignored columns).
 */
public record ImportNote(String sheet, String messageKey, List<Object> arguments)
    implements Serializable {

  static ImportNote of(String sheet, String messageKey, Object... arguments) {
    return new ImportNote(sheet, messageKey, List.of(arguments));
  }
}
