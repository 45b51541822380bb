package org.caseregistry.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;

/**
 * The summary variables one series offers, in the reader's language: the built-in variables of its
 * modules, the derived columns, and its custom fields (numbers and calculations as continuous
 * variables, single choices and yes/no as categories, each check box as its own yes/no). Custom
 * fields are read in SQL from their section's JSON, one join per custom section used, or from their
 * kept counts ({@link CustomCounted}).
 */
final class SummaryCatalog {

  /** Where a check box's own summary variable gets its name: field___code, as REDCap does. */
  static final String CHECKBOX = "___";

  private final FormDefinition form;
  private final Map<String, SummaryVariable> custom = new LinkedHashMap<>();

  private SummaryCatalog(FormDefinition form, boolean vietnamese) {
    this.form = form;
    List<SectionDefinition> sections = form.sections();
    for (int s = 0; s < sections.size(); s++) {
      SectionDefinition section = sections.get(s);
      if (section.repeating()) {
        continue;
      }
      String alias = "cf" + s;
      String join =
          " left join case_custom_section_view "
              + alias
              + " on "
              + alias
              + ".case_id = c.id and "
              + alias
              + ".section_key = '"
              + section.key()
              + "'";
      for (FieldDefinition field : section.valueFields()) {
        if (!field.identifier()) {
          variablesOf(section.key(), field, alias, join, vietnamese)
              .forEach(v -> custom.put(v.name(), v));
        }
      }
    }
  }

  static SummaryCatalog of(FormDefinition form, Locale locale) {
    return new SummaryCatalog(form, locale != null && "vi".equals(locale.getLanguage()));
  }

  private static List<SummaryVariable> variablesOf(
      String section, FieldDefinition field, String alias, String join, boolean vietnamese) {
    String value = CustomFieldSql.value(alias, field);
    String reason = CustomFieldSql.reason(alias, field);
    String label = field.label(vietnamese);
    List<SummaryVariable> variables = new ArrayList<>();
    if (field.type().isNumeric()) {
      variables.add(
          new SummaryVariable(
              field.name(),
              label,
              true,
              "cast(" + value + " as numeric)",
              reason,
              List.of(),
              join,
              CustomCounted.of(section, field, null)));
    } else if (field.type() == FieldType.SINGLE_CHOICE || field.type() == FieldType.YES_NO) {
      variables.add(
          new SummaryVariable(
              field.name(),
              label,
              false,
              value,
              reason,
              CustomFieldSql.options(field.effectiveChoices(), vietnamese),
              join,
              CustomCounted.of(section, field, null)));
    } else if (field.type() == FieldType.MULTIPLE_CHOICE) {
      List<CodeOption> yesNo = CustomFieldSql.yesNo(vietnamese);
      for (Choice choice : field.choices()) {
        String ticked = CustomFieldSql.ticked(alias, field, choice);
        variables.add(
            new SummaryVariable(
                field.name() + CHECKBOX + choice.code(),
                label + ": " + choice.label(vietnamese),
                false,
                ticked,
                reason,
                yesNo,
                join,
                CustomCounted.of(section, field, choice.code())));
      }
    }
    return variables;
  }

  /** Every variable the series offers: built-in ones of its modules, then its custom fields. */
  List<SummaryVariable> offered() {
    List<SummaryVariable> offered = new ArrayList<>(SummaryVariable.offeredIn(form));
    offered.addAll(custom.values());
    return offered;
  }

  Optional<SummaryVariable> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    SummaryVariable found = custom.get(name);
    if (found != null) {
      return Optional.of(found);
    }
    return SummaryVariable.find(name).filter(variable -> variable.offeredBy(form));
  }

  /** The first summary of a series: its modules' defaults, or its custom fields without them. */
  List<String> defaults() {
    if (!form.modules().isEmpty()) {
      return SummaryVariable.defaults(form);
    }
    return custom.keySet().stream().limit(20).toList();
  }
}
