package org.caseregistry.form;

/**
 * An expression that cannot be taken: a syntax error, an unknown function or a construct the
 * registry does not support. The message is written for the person who typed the expression.
 */
public class ExpressionException extends Exception {

  private final int position;

  public ExpressionException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** The character offset where the problem was found (0-based), or -1. */
  public int position() {
    return position;
  }
}
