package org.caseregistry.redcap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;

/**
 * A built-in module as REDCap fields: one REDCap form named by the module's slug, one field per
 * catalog variable (codes as choices, limits as validation min and max, identifiers flagged), so
 * that a series can be taken to REDCap; uploaded back, a form with exactly those variables switches
 * the module on.
 */
final class BuiltInModuleFields {

  private BuiltInModuleFields() {}

  /** The module whose slug a REDCap form is named by, if any. */
  static Section moduleNamed(String formName) {
    return Section.fromSlug(formName);
  }

  static Set<String> variableNames(Section module) {
    Set<String> names = new LinkedHashSet<>();
    CaseVariables.of(module).forEach(variable -> names.add(variable.name()));
    return names;
  }

  /**
   * The dictionary rows of a module.
   *
   * @param labels English text of a message key, or null where the bundle has none
   */
  static List<String[]> rows(Section module, Function<String, String> labels) {
    List<String[]> rows = new ArrayList<>();
    for (Variable variable : CaseVariables.of(module)) {
      String[] row = DictionaryColumns.emptyRow();
      row[DictionaryColumns.FIELD_NAME] = variable.name();
      row[DictionaryColumns.FORM_NAME] = module.slug();
      row[DictionaryColumns.FIELD_LABEL] =
          orElse(labels.apply(variable.labelKey()), variable.name());
      row[DictionaryColumns.FIELD_NOTE] = orElse(labels.apply(variable.hintKey()), "");
      switch (variable.type()) {
        case CODE -> {
          row[DictionaryColumns.FIELD_TYPE] = "dropdown";
          row[DictionaryColumns.CHOICES] = choices(variable, labels);
        }
        case INTEGER -> numeric(row, variable, "integer");
        case DECIMAL -> numeric(row, variable, "number");
        case DATE -> {
          row[DictionaryColumns.FIELD_TYPE] = "text";
          row[DictionaryColumns.VALIDATION] = "date_ymd";
        }
        case TEXT -> row[DictionaryColumns.FIELD_TYPE] = "text";
      }
      row[DictionaryColumns.IDENTIFIER] = variable.identifier() ? "y" : "";
      rows.add(row);
    }
    return rows;
  }

  private static void numeric(String[] row, Variable variable, String validation) {
    row[DictionaryColumns.FIELD_TYPE] = "text";
    row[DictionaryColumns.VALIDATION] = validation;
    row[DictionaryColumns.VALIDATION_MIN] = plain(variable.min());
    row[DictionaryColumns.VALIDATION_MAX] = plain(variable.max());
  }

  private static String choices(Variable variable, Function<String, String> labels) {
    List<String> items = new ArrayList<>();
    for (CodeOption option : variable.options()) {
      String label =
          option.literalLabel() != null
              ? option.literalLabel()
              : orElse(labels.apply(option.labelKey()), option.code());
      items.add(option.code() + ", " + label.replace("|", "/"));
    }
    return String.join(" | ", items);
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
