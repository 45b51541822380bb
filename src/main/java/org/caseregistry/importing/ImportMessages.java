package org.caseregistry.importing;

import java.util.Locale;
import org.caseregistry.cases.CaseDisplay;
import org.caseregistry.catalog.CaseVariables;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The texts of an import report in the reader's language; a variable is named by its column. */
@Component("importMessages")
class ImportMessages {

  private final MessageSource messages;
  private final CaseDisplay caseDisplay;

  ImportMessages(MessageSource messages, CaseDisplay caseDisplay) {
    this.messages = messages;
    this.caseDisplay = caseDisplay;
  }

  public String problem(ImportProblem problem, Locale locale) {
    // Variables named in a message stay column names, as the file has them.
    return messages.getMessage(
        problem.messageKey(), problem.arguments().toArray(), problem.messageKey(), locale);
  }

  public String note(ImportNote note, Locale locale) {
    return messages.getMessage(
        note.messageKey(), note.arguments().toArray(), note.messageKey(), locale);
  }

  public String warning(ImportReport.WarningRow row, Locale locale) {
    return caseDisplay.warning(row.warning(), locale);
  }

  /** The label of a column that is a variable, for a title attribute. */
  public String columnLabel(String column, Locale locale) {
    return column != null && CaseVariables.exists(column)
        ? messages.getMessage("var." + column, null, column, locale)
        : "";
  }
}
