package org.caseregistry.form;

/** How a single-choice field is shown. */
public enum ChoiceStyle {
  DROPDOWN,
  RADIO
}
