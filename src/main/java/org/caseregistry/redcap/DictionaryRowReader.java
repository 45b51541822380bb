package org.caseregistry.redcap;

import static org.caseregistry.redcap.DictionaryColumns.ALIGNMENT;
import static org.caseregistry.redcap.DictionaryColumns.ANNOTATION;
import static org.caseregistry.redcap.DictionaryColumns.BRANCHING;
import static org.caseregistry.redcap.DictionaryColumns.CHOICES;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_LABEL;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_NOTE;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_TYPE;
import static org.caseregistry.redcap.DictionaryColumns.IDENTIFIER;
import static org.caseregistry.redcap.DictionaryColumns.MATRIX_GROUP;
import static org.caseregistry.redcap.DictionaryColumns.MATRIX_RANKING;
import static org.caseregistry.redcap.DictionaryColumns.QUESTION_NUMBER;
import static org.caseregistry.redcap.DictionaryColumns.REQUIRED;
import static org.caseregistry.redcap.DictionaryColumns.SECTION_HEADER;
import static org.caseregistry.redcap.DictionaryColumns.VALIDATION;
import static org.caseregistry.redcap.DictionaryColumns.VALIDATION_MAX;
import static org.caseregistry.redcap.DictionaryColumns.VALIDATION_MIN;
import static org.caseregistry.redcap.DictionaryProblem.problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.form.Choice;
import org.caseregistry.form.ChoiceStyle;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormRules;
import org.caseregistry.redcap.DictionaryProblem.Severity;
import org.caseregistry.redcap.RedcapCsv.Line;

/**
 * Reads one custom field's row of a REDCap data dictionary: its type, choices, limits and the
 * registry's annotation; whatever cannot be kept as it is becomes a {@link DictionaryProblem}.
 * About 300 lines: one switch over REDCap's field types, and the columns each type reads.
 */
final class DictionaryRowReader {

  /** Limits of date fields: ISO dates only. */
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** Text validations the registry checks itself, by the type they give. */
  private static final Map<String, FieldType> VALIDATIONS = new HashMap<>();

  static {
    VALIDATIONS.put("integer", FieldType.INTEGER);
    for (String number :
        List.of(
            "number",
            "number_1dp",
            "number_2dp",
            "number_3dp",
            "number_4dp",
            "number_comma_decimal",
            "number_1dp_comma_decimal",
            "number_2dp_comma_decimal",
            "number_3dp_comma_decimal",
            "number_4dp_comma_decimal")) {
      VALIDATIONS.put(number, FieldType.DECIMAL);
    }
    for (String date : List.of("date_ymd", "date_dmy", "date_mdy")) {
      VALIDATIONS.put(date, FieldType.DATE);
    }
    VALIDATIONS.put("time", FieldType.TIME);
    VALIDATIONS.put("email", FieldType.TEXT);
  }

  /** A row taken so far, with where it came from. */
  record Taken(int row, String form, FieldDefinition field) {}

  private final List<DictionaryProblem> problems;
  private final List<Taken> taken;
  private final DictionaryAnnotations annotations;
  private final Set<String> names;

  /**
   * Reads into the collections of one reading: the problems found, the rows taken, the section
   * entries of each form's annotations, and the names used so far.
   */
  DictionaryRowReader(
      List<DictionaryProblem> problems,
      List<Taken> taken,
      Map<String, Map<String, String>> sectionEntries,
      Set<String> names) {
    this.problems = problems;
    this.taken = taken;
    this.annotations = new DictionaryAnnotations(problems, sectionEntries);
    this.names = names;
  }

  /** REDCap's rule for field and form names, which is also the registry's. */
  static boolean validName(String name) {
    return FormRules.NAME.matcher(name).matches();
  }

  /** Takes a custom field's row (and the section header above it, as a descriptive field). */
  void read(Line line, String name, String form) {
    int row = line.number();
    String header = line.cell(SECTION_HEADER);
    if (!header.isBlank()) {
      Map<String, String> entries = RegistryAnnotation.parse(line.cell(ANNOTATION)).entries();
      String headerName = entries.getOrDefault(RegistryAnnotation.HEADER_NAME, "");
      if (!validName(headerName) || names.contains(headerName)) {
        headerName = uniqueName(name + "_header");
      }
      names.add(headerName);
      String headerVi = entries.get(RegistryAnnotation.HEADER_LABEL_VI);
      taken.add(
          new Taken(
              row,
              form,
              FieldDefinition.of(headerName, FieldType.DESCRIPTIVE, header, headerVi).toBuilder()
                  .validation(DictionaryWriter.SECTION_HEADER_MARK)
                  .build()));
    }
    String type = line.cell(FIELD_TYPE).strip().toLowerCase();
    String validation = line.cell(VALIDATION).strip();
    FieldDefinition.Builder field =
        FieldDefinition.of(name, FieldType.TEXT, line.cell(FIELD_LABEL), null).toBuilder();
    FieldType fieldType;
    switch (type) {
      case "text" -> {
        fieldType = VALIDATIONS.getOrDefault(validation, FieldType.TEXT);
        // The validation a type is written with by default is not kept, as a form made in the
        // registry has none; any other (number_1dp, date_dmy, email…) is.
        if (!validation.isEmpty()
            && !validation.equals(DictionaryWriter.defaultValidation(fieldType))) {
          field.validation(validation);
          if (!VALIDATIONS.containsKey(validation)) {
            problems.add(
                problem(row, name, Severity.CHANGED, "validation_not_checked", validation));
          }
        }
      }
      case "notes" -> fieldType = FieldType.LONG_TEXT;
      case "dropdown", "radio", "checkbox" -> {
        fieldType = type.equals("checkbox") ? FieldType.MULTIPLE_CHOICE : FieldType.SINGLE_CHOICE;
        field.style(type.equals("radio") ? ChoiceStyle.RADIO : ChoiceStyle.DROPDOWN);
        Optional<String> invalid = choices(line.cell(CHOICES), field);
        if (invalid.isPresent()) {
          problems.add(problem(row, name, Severity.SKIPPED, "choices_invalid", invalid.get()));
          return;
        }
        if (type.equals("dropdown") && !validation.isEmpty()) {
          field.validation(validation);
        }
      }
      case "yesno" -> fieldType = FieldType.YES_NO;
      case "truefalse" -> {
        fieldType = FieldType.SINGLE_CHOICE;
        field
            .style(ChoiceStyle.RADIO)
            .validation(DictionaryWriter.TRUE_FALSE)
            .choices(
                List.of(
                    new Choice("1", "True", "Đúng", false),
                    new Choice("0", "False", "Sai", false)));
      }
      case "calc" -> {
        fieldType = FieldType.CALCULATED;
        String calculation = line.cell(CHOICES).strip();
        if (calculation.isEmpty()) {
          problems.add(problem(row, name, Severity.SKIPPED, "calculation_missing"));
          return;
        }
        field.calculation(calculation);
      }
      case "descriptive" -> fieldType = FieldType.DESCRIPTIVE;
      case "slider", "file", "sql" -> {
        String shown = type.equals("file") && validation.equals("signature") ? "signature" : type;
        problems.add(problem(row, name, Severity.SKIPPED, "type_unsupported", shown));
        return;
      }
      default -> {
        problems.add(problem(row, name, Severity.SKIPPED, "type_unknown", type));
        return;
      }
    }
    limits(line, name, fieldType, field);
    String note = line.cell(FIELD_NOTE);
    field.hint(note.isEmpty() ? null : note, null);
    field.identifier(yes(line.cell(IDENTIFIER)));
    field.required(yes(line.cell(REQUIRED)));
    String branching = line.cell(BRANCHING).strip();
    field.showIf(branching.isEmpty() ? null : branching);
    unsupportedColumns(line, name);
    FieldDefinition built = annotations.apply(line, form, rebuild(field, fieldType));
    taken.add(new Taken(row, form, built));
  }

  private FieldDefinition rebuild(FieldDefinition.Builder builder, FieldType type) {
    FieldDefinition field = builder.build();
    return new FieldDefinition(
        field.name(),
        type,
        field.labelEn(),
        field.labelVi(),
        field.hintEn(),
        field.hintVi(),
        field.unit(),
        field.min(),
        field.max(),
        field.usualMin(),
        field.usualMax(),
        field.maxLength(),
        field.required(),
        field.unknownAllowed(),
        field.notApplicableAllowed(),
        field.identifier(),
        field.showIf(),
        field.calculation(),
        field.choices(),
        field.style(),
        field.validation(),
        field.retired());
  }

  private Optional<String> choices(String text, FieldDefinition.Builder field) {
    if (text.isBlank()) {
      return Optional.of("");
    }
    List<Choice> choices = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (String item : text.split("\\|")) {
      int comma = item.indexOf(',');
      String code = comma < 0 ? item.strip() : item.substring(0, comma).strip();
      String label = comma < 0 ? "" : item.substring(comma + 1).strip();
      if (comma < 0
          || !FormRules.CODE.matcher(code).matches()
          || label.isEmpty()
          || !codes.add(code)) {
        return Optional.of(item.strip());
      }
      choices.add(new Choice(code, label, null, false));
    }
    field.choices(choices);
    return Optional.empty();
  }

  private void limits(Line line, String name, FieldType type, FieldDefinition.Builder field) {
    String min = line.cell(VALIDATION_MIN).strip();
    String max = line.cell(VALIDATION_MAX).strip();
    if (min.isEmpty() && max.isEmpty()) {
      return;
    }
    boolean numeric = type == FieldType.INTEGER || type == FieldType.DECIMAL;
    if (!numeric && type != FieldType.DATE) {
      problems.add(problem(line.number(), name, Severity.CHANGED, "limits_ignored"));
      return;
    }
    String lower = limit(line.number(), name, min, type);
    String upper = limit(line.number(), name, max, type);
    field.limits(lower, upper);
  }

  private String limit(int row, String name, String value, FieldType type) {
    if (value.isEmpty()) {
      return null;
    }
    boolean fits;
    if (type == FieldType.DATE) {
      fits = ISO_DATE.matcher(value).matches();
    } else {
      try {
        new BigDecimal(value);
        fits = true;
      } catch (NumberFormatException notANumber) {
        fits = false;
      }
    }
    if (!fits) {
      problems.add(problem(row, name, Severity.CHANGED, "limit_unsupported", value));
      return null;
    }
    return value;
  }

  private void unsupportedColumns(Line line, String name) {
    int row = line.number();
    if (!line.cell(ALIGNMENT).isBlank()) {
      problems.add(
          problem(row, name, Severity.CHANGED, "alignment_not_kept", line.cell(ALIGNMENT)));
    }
    if (!line.cell(QUESTION_NUMBER).isBlank()) {
      problems.add(problem(row, name, Severity.CHANGED, "question_number_not_kept"));
    }
    if (!line.cell(MATRIX_GROUP).isBlank() || !line.cell(MATRIX_RANKING).isBlank()) {
      problems.add(
          problem(row, name, Severity.CHANGED, "matrix_not_kept", line.cell(MATRIX_GROUP).strip()));
    }
  }

  private String uniqueName(String base) {
    String name = base;
    for (int i = 2; names.contains(name) || CaseVariables.exists(name); i++) {
      name = base + i;
    }
    return name;
  }

  private static boolean yes(String cell) {
    return cell.strip().equalsIgnoreCase("y");
  }
}
