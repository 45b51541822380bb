package org.caseregistry.redcap;

import static org.caseregistry.redcap.DictionaryColumns.ANNOTATION;
import static org.caseregistry.redcap.DictionaryColumns.BRANCHING;
import static org.caseregistry.redcap.DictionaryColumns.CHOICES;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_LABEL;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_NAME;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_NOTE;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_TYPE;
import static org.caseregistry.redcap.DictionaryColumns.FORM_NAME;
import static org.caseregistry.redcap.DictionaryColumns.IDENTIFIER;
import static org.caseregistry.redcap.DictionaryColumns.REQUIRED;
import static org.caseregistry.redcap.DictionaryColumns.SECTION_HEADER;
import static org.caseregistry.redcap.DictionaryColumns.VALIDATION;
import static org.caseregistry.redcap.DictionaryColumns.VALIDATION_MAX;
import static org.caseregistry.redcap.DictionaryColumns.VALIDATION_MIN;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.caseregistry.form.Choice;
import org.caseregistry.form.ChoiceStyle;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormPart;
import org.caseregistry.form.SectionDefinition;

/**
 * Writes a series' form as a REDCap data dictionary: the record identifier first, then one REDCap
 * form per built-in module (named by its slug) and one per custom section (named by its key).
 */
public final class DictionaryWriter {

  /**
   * The validation that marks a descriptive field made from a REDCap section header, written back
   * as the section header of the field after it.
   */
  static final String SECTION_HEADER_MARK = "section_header";

  /** The validation that marks a single-choice field read from REDCap's true/false type. */
  static final String TRUE_FALSE = "truefalse";

  private final Function<String, String> labels;

  /**
   * @param labels English text of a message key (built-in variables and codes), null if none
   */
  public DictionaryWriter(Function<String, String> labels) {
    this.labels = labels;
  }

  public byte[] write(FormDefinition form) {
    StringBuilder out = new StringBuilder();
    RedcapCsv.appendLine(out, DictionaryColumns.HEADINGS);
    String[] recordId = DictionaryColumns.emptyRow();
    recordId[FIELD_NAME] = DictionaryColumns.RECORD_ID;
    recordId[FORM_NAME] = firstForm(form);
    recordId[FIELD_TYPE] = "text";
    recordId[FIELD_LABEL] = DictionaryColumns.RECORD_ID_LABEL;
    RedcapCsv.appendLine(out, Arrays.asList(recordId));
    for (FormPart part : form.parts()) {
      if (part.isBuiltIn()) {
        for (String[] row : BuiltInModuleFields.rows(part.module(), labels)) {
          RedcapCsv.appendLine(out, Arrays.asList(row));
        }
      } else {
        writeSection(out, part.section());
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The label a section read from REDCap gets: its form name in words. */
  static String label(String formName) {
    String words = formName.replace('_', ' ').strip();
    return words.isEmpty() ? formName : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String firstForm(FormDefinition form) {
    return form.parts().stream()
        .filter(part -> part.isBuiltIn() || !part.section().fields().isEmpty())
        .map(FormPart::key)
        .findFirst()
        .orElse("record");
  }

  private void writeSection(StringBuilder out, SectionDefinition section) {
    Map<String, String> sectionEntries = new LinkedHashMap<>();
    if (!section.labelEn().equals(label(section.key()))) {
      sectionEntries.put(RegistryAnnotation.SECTION_LABEL, section.labelEn());
    }
    if (!section.labelVi().equals(section.labelEn())) {
      sectionEntries.put(RegistryAnnotation.SECTION_LABEL_VI, section.labelVi());
    }
    if (section.repeating()) {
      sectionEntries.put(RegistryAnnotation.SECTION_REPEATING, "");
    }
    if (section.retired()) {
      sectionEntries.put(RegistryAnnotation.SECTION_RETIRED, "");
    }
    List<FieldDefinition> fields = section.fields();
    FieldDefinition header = null;
    boolean first = true;
    for (int i = 0; i < fields.size(); i++) {
      FieldDefinition field = fields.get(i);
      if (isSectionHeader(field) && i + 1 < fields.size() && !isSectionHeader(fields.get(i + 1))) {
        header = field;
        continue;
      }
      Map<String, String> entries = FieldEntries.of(field);
      if (header != null) {
        if (!header.name().equals(field.name() + "_header")) {
          entries.put(RegistryAnnotation.HEADER_NAME, header.name());
        }
        if (!header.labelVi().equals(header.labelEn())) {
          entries.put(RegistryAnnotation.HEADER_LABEL_VI, header.labelVi());
        }
      }
      if (first) {
        entries.putAll(sectionEntries);
        first = false;
      }
      String headerText = header == null ? "" : header.labelEn();
      RedcapCsv.appendLine(out, Arrays.asList(row(section.key(), headerText, field, entries)));
      header = null;
    }
  }

  private static boolean isSectionHeader(FieldDefinition field) {
    return field.type() == FieldType.DESCRIPTIVE && SECTION_HEADER_MARK.equals(field.validation());
  }

  private static String[] row(
      String form, String header, FieldDefinition field, Map<String, String> entries) {
    String[] row = DictionaryColumns.emptyRow();
    row[FIELD_NAME] = field.name();
    row[FORM_NAME] = form;
    row[SECTION_HEADER] = header;
    row[FIELD_LABEL] = nullToEmpty(field.labelEn());
    row[FIELD_NOTE] = nullToEmpty(field.hintEn());
    String validation = nullToEmpty(field.validation());
    switch (field.type()) {
      case INTEGER, DECIMAL, DATE, TIME, TEXT ->
          text(row, validation.isEmpty() ? defaultValidation(field.type()) : validation);
      case LONG_TEXT -> row[FIELD_TYPE] = "notes";
      case SINGLE_CHOICE -> {
        if (TRUE_FALSE.equals(validation)) {
          row[FIELD_TYPE] = TRUE_FALSE;
        } else {
          row[FIELD_TYPE] = field.style() == ChoiceStyle.RADIO ? "radio" : "dropdown";
          row[CHOICES] = choices(field.choices());
          row[VALIDATION] = field.style() == ChoiceStyle.RADIO ? "" : validation;
        }
      }
      case MULTIPLE_CHOICE -> {
        row[FIELD_TYPE] = "checkbox";
        row[CHOICES] = choices(field.choices());
      }
      case YES_NO -> row[FIELD_TYPE] = "yesno";
      case CALCULATED -> {
        row[FIELD_TYPE] = "calc";
        row[CHOICES] = nullToEmpty(field.calculation());
      }
      case DESCRIPTIVE -> row[FIELD_TYPE] = "descriptive";
    }
    if (field.type().isNumeric() || field.type() == FieldType.DATE) {
      row[VALIDATION_MIN] = nullToEmpty(field.min());
      row[VALIDATION_MAX] = nullToEmpty(field.max());
    }
    row[IDENTIFIER] = field.identifier() ? "y" : "";
    row[BRANCHING] = nullToEmpty(field.showIf());
    row[REQUIRED] = field.required() ? "y" : "";
    row[ANNOTATION] = RegistryAnnotation.write(entries);
    return row;
  }

  /** The REDCap text validation a type is written with when its field names none. */
  static String defaultValidation(FieldType type) {
    return switch (type) {
      case INTEGER -> "integer";
      case DECIMAL -> "number";
      case DATE -> "date_ymd";
      case TIME -> "time";
      default -> "";
    };
  }

  private static void text(String[] row, String validation) {
    row[FIELD_TYPE] = "text";
    row[VALIDATION] = validation;
  }

  private static String choices(List<Choice> choices) {
    return String.join(" | ", choices.stream().map(c -> c.code() + ", " + c.labelEn()).toList());
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
