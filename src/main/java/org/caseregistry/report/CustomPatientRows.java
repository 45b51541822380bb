package org.caseregistry.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;

/**
 * The custom rows a series' per-patient tables can show, in the form's order: every field of a
 * single custom section that a table can summarise (numbers, calculations, dates, choices, yes/no,
 * check boxes; not free text, which may hold anything, nor identifier fields), and each repeating
 * custom section as the number of its items. Retired fields and sections stay choosable: their
 * values are kept, and a row chosen before retiring still shows.
 */
final class CustomPatientRows {

  /** How a custom field's row is stored in the report settings: custom:&lt;field name&gt;. */
  static final String FIELD = "custom:";

  /** How a repeating section's row is stored: custom-items:&lt;section key&gt;. */
  static final String ITEMS = "custom-items:";

  private static final Set<FieldType> SHOWN =
      Set.of(
          FieldType.INTEGER,
          FieldType.DECIMAL,
          FieldType.CALCULATED,
          FieldType.DATE,
          FieldType.SINGLE_CHOICE,
          FieldType.YES_NO,
          FieldType.MULTIPLE_CHOICE);

  private CustomPatientRows() {}

  /**
   * One custom row.
   *
   * @param field the field shown; null for a repeating section's item count
   */
  record Row(String id, SectionDefinition section, FieldDefinition field) {

    boolean retired() {
      return section.retired() || field != null && field.retired();
    }

    /** The row's label in the reader's language, with the unit of a number. */
    String label(Labels labels) {
      boolean vietnamese = labels.vietnamese();
      if (field == null) {
        return labels.message("report.patients.items", section.label(vietnamese));
      }
      String label = field.label(vietnamese);
      return field.unit() == null || field.unit().isBlank()
          ? label
          : label + " (" + field.unit() + ")";
    }
  }

  /** Every custom row the form offers. */
  static List<Row> offered(FormDefinition form) {
    List<Row> rows = new ArrayList<>();
    for (SectionDefinition section : form.sections()) {
      if (section.repeating()) {
        if (!section.valueFields().isEmpty()) {
          rows.add(new Row(ITEMS + section.key(), section, null));
        }
        continue;
      }
      for (FieldDefinition field : section.valueFields()) {
        if (SHOWN.contains(field.type()) && !field.identifier()) {
          rows.add(new Row(FIELD + field.name(), section, field));
        }
      }
    }
    return rows;
  }

  /** The offered rows among these ids, in the form's order; ids the form no longer has are left. */
  static List<Row> chosen(FormDefinition form, Collection<String> ids) {
    Set<String> wanted = Set.copyOf(ids);
    return offered(form).stream().filter(row -> wanted.contains(row.id())).toList();
  }

  static boolean isCustom(String id) {
    return id.startsWith(FIELD) || id.startsWith(ITEMS);
  }
}
