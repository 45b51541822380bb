package org.caseregistry.form;

/** How a custom field's value is entered, checked and stored. */
public enum FieldType {
  INTEGER,
  DECIMAL,
  DATE,
  TIME,
  TEXT,
  LONG_TEXT,
  /** One code of the field's choices (drop-down or radio buttons). */
  SINGLE_CHOICE,
  /** Any number of the field's choices (check boxes), stored as a list of codes. */
  MULTIPLE_CHOICE,
  /** Stored as the code "1" (yes) or "0" (no). */
  YES_NO,
  /** Computed on the server from other fields by the field's calculation; never entered. */
  CALCULATED,
  /** Text shown on the form; holds no value. */
  DESCRIPTIVE;

  public boolean holdsValue() {
    return this != DESCRIPTIVE;
  }

  public boolean isEntered() {
    return this != DESCRIPTIVE && this != CALCULATED;
  }

  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL || this == CALCULATED;
  }

  public boolean isCoded() {
    return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == YES_NO;
  }

  public boolean hasChoices() {
    return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
  }

  public boolean isText() {
    return this == TEXT || this == LONG_TEXT;
  }
}
