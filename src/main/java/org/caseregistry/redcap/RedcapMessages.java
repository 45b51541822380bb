package org.caseregistry.redcap;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The texts of dictionary problems and record conversions in the reader's language. */
@Component("redcapMessages")
public class RedcapMessages {

  private final MessageSource messages;

  RedcapMessages(MessageSource messages) {
    this.messages = messages;
  }

  public String problem(DictionaryProblem problem, Locale locale) {
    return messages.getMessage(
        problem.messageKey(), problem.args().toArray(), problem.messageKey(), locale);
  }

  public String severity(DictionaryProblem problem, Locale locale) {
    return messages.getMessage(problem.severityKey(), null, problem.severityKey(), locale);
  }

  public String problem(RecordExportConversion.Problem problem, Locale locale) {
    Object argument =
        "redcap.records.checkbox-value".equals(problem.messageKey())
            ? problem.value()
            : problem.column();
    return messages.getMessage(
        problem.messageKey(), new Object[] {argument}, problem.messageKey(), locale);
  }

  public String note(RecordExportConversion.Note note, Locale locale) {
    return messages.getMessage(
        note.messageKey(), new Object[] {note.column()}, note.messageKey(), locale);
  }
}
