package org.caseregistry.platform;

/**
 * Someone else saved the same record after this editor loaded it. The editor's input is kept and
 * the conflict is reported; nothing is overwritten.
 */
public class EditConflictException extends RuntimeException {

  public EditConflictException() {
    super("The record was changed by someone else");
  }
}
