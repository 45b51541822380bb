package org.caseregistry.query;

/** What answering, closing or re-opening a query posts: a message, and a corrected value. */
public class StepForm {

  private String message;
  private String value;

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
