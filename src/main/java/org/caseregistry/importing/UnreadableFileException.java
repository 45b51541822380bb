package org.caseregistry.importing;

import java.util.List;

/** The upload cannot be read at all (wrong kind of file, too large, not UTF-8 …). */
class UnreadableFileException extends Exception {

  private final String messageKey;
  private final List<Object> arguments;

  UnreadableFileException(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  String messageKey() {
    return messageKey;
  }

  List<Object> arguments() {
    return arguments;
  }
}
