package org.caseregistry.importing;

import java.io.Serializable;
import java.util.List;

/**
 * Something that refuses an import, where it is: sheet, row (as the spreadsheet numbers it),
 * column, the value as given, and what is wrong (a message key with its arguments). Sheet, row and
 * column are null where the problem concerns the whole file or sheet.
 */
public record ImportProblem(
    String sheet,
    Integer row,
    String column,
    String value,
    String messageKey,
    List<Object> arguments)
    implements Serializable {

  static ImportProblem of(
      String sheet,
      Integer row,
      String column,
      String value,
      String messageKey,
      Object... arguments) {
    return new ImportProblem(sheet, row, column, value, messageKey, List.of(arguments));
  }
}
