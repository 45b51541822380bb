package org.caseregistry.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;

/**
 * What makes a form definition valid on its own: names, labels, choices, limits, and expressions
 * that parse and read only fields the form has ({@link FormExpressionRules}). Whether a change is
 * safe for the values already stored is judged by the series module, which knows them.
 */
public final class FormRules {

  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,49}");

  public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,30}");

  /** Names a custom field may not take: the case header's own columns and export keys. */
  static final Set<String> RESERVED =
      Set.of(
          "record_id",
          "study_code",
          "site",
          "site_code",
          "series",
          "status",
          "case_id",
          "id",
          "version",
          "position",
          "item_id");

  /** A problem with one part of a definition, by path (e.g. "sections[1].fields[2].name"). */
  public record Problem(String path, String messageKey, List<Object> arguments) {
    Problem(String path, String messageKey, Object... arguments) {
      this(path, messageKey, List.of(arguments));
    }
  }

  private FormRules() {}

  public static List<Problem> check(FormDefinition form) {
    List<Problem> problems = new ArrayList<>();
    Set<String> sectionKeys = new HashSet<>();
    Map<String, FieldDefinition> fields = new LinkedHashMap<>();
    Map<String, String> sectionOfField = new HashMap<>();
    for (int s = 0; s < form.sections().size(); s++) {
      SectionDefinition section = form.sections().get(s);
      String path = "sections[" + s + "]";
      if (section.key() == null || !NAME.matcher(section.key()).matches()) {
        problems.add(new Problem(path + ".key", "form.problem.section-key"));
      } else if (!sectionKeys.add(section.key()) || Section.fromSlug(section.key()) != null) {
        problems.add(new Problem(path + ".key", "form.problem.section-key-taken", section.key()));
      }
      if (blank(section.labelEn())) {
        problems.add(new Problem(path + ".labelEn", "form.problem.label"));
      }
      for (int f = 0; f < section.fields().size(); f++) {
        FieldDefinition field = section.fields().get(f);
        String fieldPath = path + ".fields[" + f + "]";
        checkField(field, fieldPath, problems);
        if (field.name() != null && NAME.matcher(field.name()).matches()) {
          if (fields.putIfAbsent(field.name(), field) != null) {
            problems.add(new Problem(fieldPath + ".name", "form.problem.name-taken", field.name()));
          } else if (CaseVariables.exists(field.name()) || RESERVED.contains(field.name())) {
            problems.add(
                new Problem(fieldPath + ".name", "form.problem.name-built-in", field.name()));
          }
          sectionOfField.put(field.name(), section.key());
        }
      }
    }
    FormExpressionRules.check(form, fields, sectionOfField, problems);
    return problems;
  }

  private static void checkField(FieldDefinition field, String path, List<Problem> problems) {
    if (field.name() == null || !NAME.matcher(field.name()).matches()) {
      problems.add(new Problem(path + ".name", "form.problem.name"));
    }
    if (field.type() == null) {
      problems.add(new Problem(path + ".type", "form.problem.type"));
      return;
    }
    if (blank(field.labelEn())) {
      problems.add(new Problem(path + ".labelEn", "form.problem.label"));
    }
    if (field.type().hasChoices()) {
      checkChoices(field, path, problems);
    }
    if (field.type() == FieldType.CALCULATED && blank(field.calculation())) {
      problems.add(new Problem(path + ".calculation", "form.problem.calculation-missing"));
    }
    if (field.maxLength() != null
        && (field.maxLength() < 1
            || field.maxLength() > FieldDefinition.DEFAULT_LONG_TEXT_LENGTH)) {
      problems.add(
          new Problem(
              path + ".maxLength",
              "form.problem.max-length",
              FieldDefinition.DEFAULT_LONG_TEXT_LENGTH));
    }
    checkLimits(field, path, problems);
  }

  private static void checkChoices(FieldDefinition field, String path, List<Problem> problems) {
    if (field.choices().isEmpty()) {
      problems.add(new Problem(path + ".choices", "form.problem.choices-missing"));
    }
    Set<String> codes = new HashSet<>();
    for (Choice choice : field.choices()) {
      if (!CODE.matcher(choice.code()).matches()) {
        problems.add(new Problem(path + ".choices", "form.problem.choice-code", choice.code()));
      } else if (!codes.add(choice.code())) {
        problems.add(new Problem(path + ".choices", "form.problem.choice-taken", choice.code()));
      }
      if (choice.labelEn().isEmpty()) {
        problems.add(new Problem(path + ".choices", "form.problem.choice-label", choice.code()));
      }
    }
  }

  private static void checkLimits(FieldDefinition field, String path, List<Problem> problems) {
    boolean dated = field.type() == FieldType.DATE;
    boolean numeric = field.type() == FieldType.INTEGER || field.type() == FieldType.DECIMAL;
    String[][] pairs = {
      {"min", field.min(), "max", field.max()},
      {"usualMin", field.usualMin(), "usualMax", field.usualMax()}
    };
    for (String[] pair : pairs) {
      Comparable<?>[] bounds = new Comparable<?>[2];
      for (int i = 0; i < 2; i++) {
        String value = pair[i * 2 + 1];
        if (blank(value)) {
          continue;
        }
        if (!dated && !numeric) {
          problems.add(new Problem(path + "." + pair[i * 2], "form.problem.limit-type"));
          continue;
        }
        Comparable<?> parsed = dated ? date(value) : number(value);
        if (parsed == null) {
          problems.add(
              new Problem(
                  path + "." + pair[i * 2],
                  dated ? "form.problem.limit-date" : "form.problem.limit-number",
                  value));
        }
        bounds[i] = parsed;
      }
      if (bounds[0] != null && bounds[1] != null && compare(bounds[0], bounds[1]) > 0) {
        problems.add(new Problem(path + "." + pair[2], "form.problem.limit-order"));
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Comparable a, Comparable b) {
    return a.compareTo(b);
  }

  static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
