package org.caseregistry.redcap;

import static org.caseregistry.redcap.DictionaryColumns.ALIGNMENT;
import static org.caseregistry.redcap.DictionaryColumns.ANNOTATION;
import static org.caseregistry.redcap.DictionaryColumns.BRANCHING;
import static org.caseregistry.redcap.DictionaryColumns.CHOICES;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_LABEL;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_NAME;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_NOTE;
import static org.caseregistry.redcap.DictionaryColumns.FIELD_TYPE;
import static org.caseregistry.redcap.DictionaryColumns.FORM_NAME;
import static org.caseregistry.redcap.DictionaryColumns.IDENTIFIER;
import static org.caseregistry.redcap.DictionaryColumns.MATRIX_GROUP;
import static org.caseregistry.redcap.DictionaryColumns.MATRIX_RANKING;
import static org.caseregistry.redcap.DictionaryColumns.QUESTION_NUMBER;
import static org.caseregistry.redcap.DictionaryColumns.REQUIRED;
import static org.caseregistry.redcap.DictionaryColumns.SECTION_HEADER;
import static org.caseregistry.redcap.DictionaryColumns.VALIDATION;
import static org.caseregistry.redcap.DictionaryColumns.VALIDATION_MAX;
import static org.caseregistry.redcap.DictionaryColumns.VALIDATION_MIN;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.Choice;
import org.caseregistry.form.ChoiceStyle;
import org.caseregistry.form.Expression;
import org.caseregistry.form.ExpressionException;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormRules;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.redcap.DictionaryProblem.Severity;
import org.caseregistry.redcap.RedcapCsv.Line;

/**
 * Reads a REDCap data dictionary into a form, as a dry run: every row that cannot be taken as it is
 * gets a {@link DictionaryProblem} with its line number and reason, and nothing is left out without
 * one. Writing the form back with {@link DictionaryWriter} gives the same file for every row taken
 * as it is.
 */
public final class DictionaryReader {

  /** REDCap's rule for field and form names, which is also the registry's. */
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private static final Pattern RULE_PATH =
      Pattern.compile("sections\\[(\\d+)\\](?:\\.fields\\[(\\d+)\\])?");
  private static final Pattern ACTION_TAG = Pattern.compile("@[A-Z][A-Z0-9_-]*");

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

  public DictionaryReading read(byte[] bytes) {
    return new Run().read(RedcapCsv.parse(bytes));
  }

  /** A row taken so far, with where it came from. */
  private record Taken(int row, String form, FieldDefinition field) {}

  /** The state of one reading. */
  private final class Run {
    private final List<DictionaryProblem> problems = new ArrayList<>();
    private final List<Taken> taken = new ArrayList<>();
    private final Map<String, Map<String, String>> sectionEntries = new LinkedHashMap<>();
    private final Map<String, List<Line>> moduleRows = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    private final List<String> formOrder = new ArrayList<>();

    DictionaryReading read(List<Line> lines) {
      if (lines.isEmpty() || !isHeading(lines.get(0))) {
        problems.add(problem(1, "", Severity.REFUSED, "not_a_dictionary"));
        return new DictionaryReading(
            new FormDefinition(List.of(), List.of()), problems, "", 0, Map.of());
      }
      String recordId = "";
      int rowCount = 0;
      for (Line line : lines.subList(1, lines.size())) {
        if (line.blank()) {
          continue;
        }
        rowCount++;
        String name = line.cell(FIELD_NAME).strip();
        if (line.cells().stream().anyMatch(DictionaryReader::hasControlCharacters)) {
          problems.add(problem(line.number(), name, Severity.REFUSED, "control_characters"));
          continue;
        }
        String form = line.cell(FORM_NAME).strip();
        if (!validName(name)) {
          problems.add(problem(line.number(), name, Severity.REFUSED, "field_name_invalid", name));
          continue;
        }
        if (!validName(form)) {
          problems.add(problem(line.number(), name, Severity.REFUSED, "form_name_invalid", form));
          continue;
        }
        if (!names.add(name)) {
          problems.add(problem(line.number(), name, Severity.REFUSED, "field_name_duplicate"));
          continue;
        }
        if (!formOrder.contains(form)) {
          formOrder.add(form);
        }
        if (recordId.isEmpty()) {
          recordId = name;
          if (!DictionaryColumns.RECORD_ID.equals(name)) {
            problems.add(problem(line.number(), name, Severity.CHANGED, "record_id_renamed"));
          }
          continue;
        }
        if (BuiltInModuleFields.moduleNamed(form) != null) {
          moduleRows.computeIfAbsent(form, key -> new ArrayList<>()).add(line);
          continue;
        }
        if (CaseVariables.exists(name)) {
          problems.add(problem(line.number(), name, Severity.REFUSED, "builtin_clash"));
          continue;
        }
        readField(line, name, form);
      }
      List<Section> modules = modules();
      checkExpressions(modules);
      FormDefinition form = FormDefinition.ordered(modules, sections(), formOrder);
      formRules(form);
      problems.sort(
          Comparator.comparingInt(DictionaryProblem::row).thenComparing(DictionaryProblem::field));
      Map<String, Integer> rows = new HashMap<>();
      taken.forEach(t -> rows.putIfAbsent(t.field().name(), t.row()));
      moduleRows.forEach((slug, formLines) -> rows.put(slug, formLines.get(0).number()));
      return new DictionaryReading(form, problems, recordId, rowCount, rows);
    }

    private boolean isHeading(Line line) {
      return line.cell(FIELD_NAME).strip().equalsIgnoreCase(DictionaryColumns.HEADINGS.get(0))
          && line.cells().size() >= DictionaryColumns.HEADINGS.size() - 2;
    }

    private boolean validName(String name) {
      return FormRules.NAME.matcher(name).matches();
    }

    private void readField(Line line, String name, String form) {
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
      FieldDefinition built = annotation(line, form, rebuild(field, fieldType));
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
            problem(
                row, name, Severity.CHANGED, "matrix_not_kept", line.cell(MATRIX_GROUP).strip()));
      }
    }

    /** The registry's own entries of the annotation applied; anything else reported. */
    private FieldDefinition annotation(Line line, String form, FieldDefinition field) {
      String text = line.cell(ANNOTATION);
      if (text.isBlank()) {
        return field;
      }
      int row = line.number();
      RegistryAnnotation.Parsed parsed = RegistryAnnotation.parse(text);
      for (String key : parsed.unknownKeys()) {
        problems.add(problem(row, field.name(), Severity.CHANGED, "annotation_unknown", key));
      }
      if (!parsed.otherText().isBlank()) {
        List<String> tags = new ArrayList<>();
        Matcher matcher = ACTION_TAG.matcher(parsed.otherText());
        while (matcher.find()) {
          tags.add(matcher.group());
        }
        if (tags.isEmpty()) {
          problems.add(problem(row, field.name(), Severity.CHANGED, "annotation_not_kept"));
        } else {
          problems.add(
              problem(
                  row,
                  field.name(),
                  Severity.CHANGED,
                  "action_tags",
                  String.join(" ", new LinkedHashSet<>(tags))));
        }
      }
      Map<String, String> entries = parsed.entries();
      Map<String, String> section = sectionEntries.computeIfAbsent(form, key -> new HashMap<>());
      for (String key :
          List.of(
              RegistryAnnotation.SECTION_LABEL,
              RegistryAnnotation.SECTION_LABEL_VI,
              RegistryAnnotation.SECTION_REPEATING,
              RegistryAnnotation.SECTION_RETIRED)) {
        if (entries.containsKey(key)) {
          section.put(key, entries.get(key));
        }
      }
      return FieldEntries.apply(
          field,
          entries,
          message ->
              problems.add(
                  problem(row, field.name(), Severity.CHANGED, "annotation_invalid", message)));
    }

    /** Whatever the form rules still find refuses the file, reported at the row it comes from. */
    private void formRules(FormDefinition form) {
      Map<String, Integer> rowOf = new HashMap<>();
      taken.forEach(t -> rowOf.putIfAbsent(t.field().name(), t.row()));
      for (FormRules.Problem rule : FormRules.check(form)) {
        Matcher path = RULE_PATH.matcher(rule.path());
        String field = "";
        int row = 1;
        if (path.lookingAt()) {
          SectionDefinition section = form.sections().get(Integer.parseInt(path.group(1)));
          int index = path.group(2) == null ? 0 : Integer.parseInt(path.group(2));
          if (index < section.fields().size()) {
            field = section.fields().get(index).name();
            row = rowOf.getOrDefault(field, 1);
          }
        }
        problems.add(
            new DictionaryProblem(
                row, field, Severity.REFUSED, rule.messageKey(), rule.arguments()));
      }
    }

    private String uniqueName(String base) {
      String name = base;
      for (int i = 2; names.contains(name) || CaseVariables.exists(name); i++) {
        name = base + i;
      }
      return name;
    }

    private List<Section> modules() {
      List<Section> modules = new ArrayList<>();
      moduleRows.forEach(
          (form, lines) -> {
            Section module = BuiltInModuleFields.moduleNamed(form);
            Set<String> expected = BuiltInModuleFields.variableNames(module);
            Set<String> found = new LinkedHashSet<>();
            lines.forEach(line -> found.add(line.cell(FIELD_NAME).strip()));
            if (found.equals(expected)) {
              modules.add(module);
              return;
            }
            Set<String> missing = new LinkedHashSet<>(expected);
            missing.removeAll(found);
            Set<String> extra = new LinkedHashSet<>(found);
            extra.removeAll(expected);
            problems.add(
                problem(
                    lines.get(0).number(),
                    form,
                    Severity.REFUSED,
                    "module_mismatch",
                    form,
                    String.join(", ", missing),
                    String.join(", ", extra)));
          });
      return modules;
    }

    /** Branching and calculations judged against the fields taken; repeated while one falls. */
    private void checkExpressions(List<Section> modules) {
      boolean changed = true;
      Set<String> branchingReported = new HashSet<>();
      while (changed) {
        changed = false;
        Set<String> known = new HashSet<>();
        modules.stream()
            .filter(module -> !module.isList())
            .forEach(module -> known.addAll(BuiltInModuleFields.variableNames(module)));
        taken.stream()
            .filter(t -> t.field().type().holdsValue())
            .forEach(t -> known.add(t.field().name()));
        for (int i = 0; i < taken.size(); i++) {
          Taken item = taken.get(i);
          FieldDefinition field = item.field();
          if (field.calculation() != null && !field.calculation().isBlank()) {
            Optional<String> problem = expressionProblem(field.calculation(), known);
            if (problem.isPresent()) {
              problems.add(
                  problem(
                      item.row(),
                      field.name(),
                      Severity.SKIPPED,
                      "calculation_unsupported",
                      problem.get()));
              taken.remove(i);
              changed = true;
              break;
            }
          }
          if (field.hasCondition()) {
            Optional<String> problem = expressionProblem(field.showIf(), known);
            if (problem.isPresent() && branchingReported.add(field.name())) {
              problems.add(
                  problem(
                      item.row(),
                      field.name(),
                      Severity.CHANGED,
                      "branching_unsupported",
                      problem.get()));
              taken.set(
                  i, new Taken(item.row(), item.form(), field.toBuilder().showIf(null).build()));
            }
          }
        }
      }
    }

    private List<SectionDefinition> sections() {
      Map<String, List<FieldDefinition>> byForm = new LinkedHashMap<>();
      formOrder.forEach(
          form -> {
            if (BuiltInModuleFields.moduleNamed(form) == null) {
              byForm.put(form, new ArrayList<>());
            }
          });
      taken.forEach(t -> byForm.get(t.form()).add(t.field()));
      List<SectionDefinition> sections = new ArrayList<>();
      byForm.forEach(
          (form, fields) -> {
            if (fields.isEmpty()) {
              return;
            }
            Map<String, String> entries = sectionEntries.getOrDefault(form, Map.of());
            String label =
                entries.getOrDefault(
                    RegistryAnnotation.SECTION_LABEL, DictionaryWriter.label(form));
            sections.add(
                new SectionDefinition(
                    form,
                    label,
                    entries.get(RegistryAnnotation.SECTION_LABEL_VI),
                    entries.containsKey(RegistryAnnotation.SECTION_REPEATING),
                    entries.containsKey(RegistryAnnotation.SECTION_RETIRED),
                    fields));
          });
      return sections;
    }
  }

  /** Characters no label or expression holds (and PostgreSQL's JSON cannot store: NUL). */
  private static boolean hasControlCharacters(String cell) {
    return cell.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
  }

  private static boolean yes(String cell) {
    return cell.strip().equalsIgnoreCase("y");
  }

  /**
   * Why a condition or calculation cannot be evaluated here: it does not parse in the registry's
   * expression language, or it reads a variable the form does not have (built-in variables of list
   * modules included, which have no one value).
   */
  private static Optional<String> expressionProblem(String text, Set<String> known) {
    try {
      Expression expression = Expression.parse(text);
      for (String name : expression.variables()) {
        if (!known.contains(name)) {
          return Optional.of("[" + name + "]");
        }
      }
      return Optional.empty();
    } catch (ExpressionException invalid) {
      return Optional.of(invalid.getMessage());
    }
  }

  private static DictionaryProblem problem(
      int row, String field, Severity severity, String code, Object... args) {
    return new DictionaryProblem(row, field, severity, "redcap.problem." + code, List.of(args));
  }
}
