package org.caseregistry.query;

/** What the form raising a query posts: where it points, the question, a proposed value. */
public class QueryForm {

  private String section;
  private Long itemId;
  private String variable;
  private String question;
  private String proposedValue;

  public String getSection() {
    return section;
  }

  public void setSection(String section) {
    this.section = section;
  }

  public Long getItemId() {
    return itemId;
  }

  public void setItemId(Long itemId) {
    this.itemId = itemId;
  }

  public String getVariable() {
    return variable;
  }

  public void setVariable(String variable) {
    this.variable = variable;
  }

  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
  }

  public String getProposedValue() {
    return proposedValue;
  }

  public void setProposedValue(String proposedValue) {
    this.proposedValue = proposedValue;
  }
}
