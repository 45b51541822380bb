package org.caseregistry.redcap;

import java.util.Arrays;
import java.util.List;

/** The 18 columns of a REDCap data dictionary, in REDCap's order and with REDCap's headings. */
final class DictionaryColumns {

  static final int FIELD_NAME = 0;
  static final int FORM_NAME = 1;
  static final int SECTION_HEADER = 2;
  static final int FIELD_TYPE = 3;
  static final int FIELD_LABEL = 4;
  static final int CHOICES = 5;
  static final int FIELD_NOTE = 6;
  static final int VALIDATION = 7;
  static final int VALIDATION_MIN = 8;
  static final int VALIDATION_MAX = 9;
  static final int IDENTIFIER = 10;
  static final int BRANCHING = 11;
  static final int REQUIRED = 12;
  static final int ALIGNMENT = 13;
  static final int QUESTION_NUMBER = 14;
  static final int MATRIX_GROUP = 15;
  static final int MATRIX_RANKING = 16;
  static final int ANNOTATION = 17;

  static final List<String> HEADINGS =
      List.of(
          "Variable / Field Name",
          "Form Name",
          "Section Header",
          "Field Type",
          "Field Label",
          "Choices, Calculations, OR Slider Labels",
          "Field Note",
          "Text Validation Type OR Show Slider Number",
          "Text Validation Min",
          "Text Validation Max",
          "Identifier?",
          "Branching Logic (Show field only if...)",
          "Required Field?",
          "Custom Alignment",
          "Question Number (surveys only)",
          "Matrix Group Name",
          "Matrix Ranking?",
          "Field Annotation");

  /** REDCap's own name of the record identifier when the registry writes it. */
  static final String RECORD_ID = "record_id";

  static final String RECORD_ID_LABEL = "Record ID";

  private DictionaryColumns() {}

  /** A row of empty cells to fill in. */
  static String[] emptyRow() {
    String[] row = new String[HEADINGS.size()];
    Arrays.fill(row, "");
    return row;
  }
}
