package org.caseregistry.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;

/**
 * The custom fields of a series in its dataset: single sections as columns of the wide cases file
 * (check boxes as one 1/0 column per code, field___code, as REDCap exports them), each repeating
 * section as a long file of its own; dates as days from the operation unless identified, and
 * identifier fields only when identified. Labels are the form's own, in the reader's language.
 */
final class CustomDatasetColumns {

  private CustomDatasetColumns() {}

  /** The joins the wide file needs for the form's single custom sections. */
  static String joins(FormDefinition form) {
    StringBuilder joins = new StringBuilder();
    List<SectionDefinition> sections = form.sections();
    for (int s = 0; s < sections.size(); s++) {
      if (!sections.get(s).repeating() && !sections.get(s).valueFields().isEmpty()) {
        joins
            .append(" left join case_custom_section_view cf")
            .append(s)
            .append(" on cf")
            .append(s)
            .append(".case_id = c.id and cf")
            .append(s)
            .append(".section_key = '")
            .append(sections.get(s).key())
            .append("'");
      }
    }
    return joins.toString();
  }

  /** The wide file's columns of the single custom sections. */
  static List<DatasetLayout.Column> wide(
      FormDefinition form, boolean identified, boolean vietnamese) {
    List<DatasetLayout.Column> columns = new ArrayList<>();
    List<SectionDefinition> sections = form.sections();
    for (int s = 0; s < sections.size(); s++) {
      if (!sections.get(s).repeating()) {
        for (FieldDefinition field : sections.get(s).valueFields()) {
          columns.addAll(columns(field, "cf" + s, identified, vietnamese));
        }
      }
    }
    return columns;
  }

  /** One long file per repeating custom section: custom_&lt;key&gt;.csv. */
  static List<DatasetLayout.File> longFiles(
      FormDefinition form,
      boolean identified,
      boolean vietnamese,
      List<DatasetLayout.Column> keyColumns) {
    List<DatasetLayout.File> files = new ArrayList<>();
    for (SectionDefinition section : form.sections()) {
      if (!section.repeating() || section.valueFields().isEmpty()) {
        continue;
      }
      List<DatasetLayout.Column> columns = new ArrayList<>(keyColumns);
      for (FieldDefinition field : section.valueFields()) {
        columns.addAll(columns(field, "x", identified, vietnamese));
      }
      files.add(
          new DatasetLayout.File(
              "custom_" + section.key(),
              columns,
              " from case_view c join hospital_site h on h.id = c.site_id"
                  + " left join case_operation_view op on op.case_id = c.id"
                  + " left join case_gastric_operation_view gop on gop.case_id = c.id"
                  + " join case_custom_item_view x on x.case_id = c.id and x.section_key = '"
                  + section.key()
                  + "'"));
    }
    return files;
  }

  /** The names of the form's identifier fields (left out of de-identified files). */
  static Set<String> identifiers(FormDefinition form) {
    return form.fields().stream()
        .filter(FieldDefinition::identifier)
        .map(FieldDefinition::name)
        .collect(Collectors.toSet());
  }

  private static List<DatasetLayout.Column> columns(
      FieldDefinition field, String alias, boolean identified, boolean vietnamese) {
    if (field.identifier() && !identified) {
      return List.of();
    }
    String text = CustomFieldSql.value(alias, field);
    String label = field.label(vietnamese);
    String unit = field.unit() == null ? "" : field.unit();
    List<DatasetLayout.Column> columns = new ArrayList<>();
    switch (field.type()) {
      case INTEGER, DECIMAL, CALCULATED ->
          columns.add(
              new DatasetLayout.Column(
                  field.name(),
                  "cast(" + text + " as numeric)",
                  true,
                  label,
                  field.type() == FieldType.INTEGER ? "INTEGER" : "DECIMAL",
                  unit,
                  List.of()));
      case DATE -> {
        if (identified) {
          columns.add(
              new DatasetLayout.Column(
                  field.name(), text, false, label, "DATE", "yyyy-mm-dd", List.of()));
        } else {
          columns.add(
              new DatasetLayout.Column(
                  DatasetLayout.dayName(field.name()),
                  "(cast(" + text + " as date) - " + ReportFilter.OPERATION_DATE + ")",
                  true,
                  label,
                  "INTEGER",
                  "days from operation",
                  List.of()));
        }
      }
      case SINGLE_CHOICE, YES_NO ->
          columns.add(
              new DatasetLayout.Column(
                  field.name(),
                  text,
                  false,
                  label,
                  "CODE",
                  "",
                  CustomFieldSql.options(field.effectiveChoices(), vietnamese)));
      case MULTIPLE_CHOICE -> {
        List<CodeOption> yesNo = CustomFieldSql.yesNo(vietnamese);
        for (Choice choice : field.choices()) {
          columns.add(
              new DatasetLayout.Column(
                  field.name() + SummaryCatalog.CHECKBOX + choice.code(),
                  CustomFieldSql.ticked(alias, field, choice),
                  false,
                  label + ": " + choice.label(vietnamese),
                  "CODE",
                  "",
                  yesNo));
        }
      }
      default ->
          columns.add(
              new DatasetLayout.Column(
                  field.name(),
                  text,
                  false,
                  label,
                  field.type() == FieldType.TIME ? "TIME" : "TEXT",
                  field.type() == FieldType.TIME ? "hh:mm" : "",
                  List.of()));
    }
    return columns;
  }
}
