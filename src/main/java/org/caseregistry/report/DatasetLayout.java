package org.caseregistry.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.ValueType;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FormDefinition;

/**
 * What the dataset holds for a series' form: its files and their columns (name, SQL, type, unit,
 * codes), de-identified or not. Plain description: {@link DatasetExport} streams it, {@link
 * DatasetCodebook} and {@link AnalysisScripts} describe it.
 */
final class DatasetLayout {

  /** The derived columns of a case (case_view), in the dataset's order. */
  static final List<String> DERIVED =
      List.of(
          "bmi",
          "age_at_surgery",
          "clinical_stage",
          "pathological_stage",
          "pn_from_count",
          "nodes_positive_total",
          "nodes_examined_total",
          "length_of_stay_days",
          "cci",
          "worst_clavien_dindo",
          "complication_count");

  private static final Set<String> DERIVED_NUMBERS =
      Set.of(
          "bmi",
          "age_at_surgery",
          "nodes_positive_total",
          "nodes_examined_total",
          "length_of_stay_days",
          "cci",
          "complication_count");

  private DatasetLayout() {}

  /** One column of a file: its name, SQL, whether it is a number, and what the codebook says. */
  record Column(
      String name,
      String sql,
      boolean number,
      String labelKey,
      String type,
      String unit,
      List<CodeOption> options) {}

  record File(String name, List<Column> columns, String from) {}

  /** The files of the dataset and their columns, for this mode and the series' form. */
  static List<File> files(boolean identified, FormDefinition form) {
    return files(identified, form, false);
  }

  /** The same, the custom fields labelled in Vietnamese or English. */
  static List<File> files(boolean identified, FormDefinition form, boolean vietnamese) {
    List<File> files = new ArrayList<>();
    List<Column> wide = new ArrayList<>(keyColumns(false));
    wide.add(
        new Column(
            "operation_year",
            "cast(extract(year from " + ReportFilter.OPERATION_DATE + ") as integer)",
            true,
            "report.dataset.operation_year",
            "INTEGER",
            "year",
            List.of()));
    for (Variable variable : CaseVariables.all()) {
      if (!variable.section().isList() && form.hasModule(variable.section())) {
        column(variable, ReportFilter.ALIASES.get(variable.section()), identified, wide);
      }
    }
    for (String derived : DERIVED) {
      boolean number = DERIVED_NUMBERS.contains(derived);
      List<CodeOption> options =
          switch (derived) {
            case "pn_from_count" ->
                CaseVariables.get(form.hasModule(Section.NODES) ? "pn" : "gastric_pn").options();
            case "worst_clavien_dindo" -> CaseVariables.get("clavien_dindo").options();
            default -> List.of();
          };
      wide.add(
          new Column(
              derived,
              "c." + derived,
              number,
              "report.dataset." + derived,
              number
                  ? ("bmi".equals(derived) || "cci".equals(derived) ? "DECIMAL" : "INTEGER")
                  : "CODE",
              unit(derived),
              options));
    }
    wide.addAll(CustomDatasetColumns.wide(form, identified, vietnamese));
    files.add(new File("cases", wide, ReportFilter.FROM + CustomDatasetColumns.joins(form)));
    for (Section section :
        List.of(
            Section.COMPLICATIONS,
            Section.NODES,
            Section.FOLLOWUP,
            Section.GASTRIC_COMPLICATIONS,
            Section.GASTRIC_NODES)) {
      if (!form.hasModule(section)) {
        continue;
      }
      List<Column> columns = new ArrayList<>(keyColumns(true));
      CaseVariables.of(section).forEach(variable -> column(variable, "x", identified, columns));
      files.add(
          new File(
              switch (section) {
                case COMPLICATIONS -> "complications";
                case NODES -> "nodes";
                case GASTRIC_COMPLICATIONS -> "gastric_complications";
                case GASTRIC_NODES -> "gastric_nodes";
                default -> "followup";
              },
              columns,
              " from case_view c join hospital_site h on h.id = c.site_id"
                  + " left join case_operation_view op on op.case_id = c.id"
                  + " left join case_gastric_operation_view gop on gop.case_id = c.id"
                  + " join "
                  + section.view()
                  + " x on x.case_id = c.id"));
    }
    files.addAll(CustomDatasetColumns.longFiles(form, identified, vietnamese, keyColumns(true)));
    return files;
  }

  private static List<Column> keyColumns(boolean item) {
    List<Column> columns = new ArrayList<>();
    columns.add(
        new Column("study_code", "c.study_code", false, "case.study-code", "TEXT", "", List.of()));
    columns.add(new Column("site", "h.code", false, "case.site", "TEXT", "", List.of()));
    if (item) {
      columns.add(
          new Column("item", "x.position", true, "report.dataset.item", "INTEGER", "", List.of()));
    }
    return columns;
  }

  private static void column(
      Variable variable, String alias, boolean identified, List<Column> columns) {
    if (variable.identifier() && !identified) {
      return;
    }
    String sql = alias + "." + variable.name();
    if (variable.type() == ValueType.DATE) {
      if (identified) {
        columns.add(
            new Column(
                variable.name(),
                "to_char(" + sql + ", 'YYYY-MM-DD')",
                false,
                variable.labelKey(),
                "DATE",
                "yyyy-mm-dd",
                List.of()));
      } else if (!"operation_date".equals(variable.name())
          && !"gastric_operation_date".equals(variable.name())) {
        columns.add(
            new Column(
                dayName(variable.name()),
                "(" + sql + " - " + ReportFilter.OPERATION_DATE + ")",
                true,
                variable.labelKey(),
                "INTEGER",
                "days from operation",
                List.of()));
      }
      return;
    }
    columns.add(
        new Column(
            variable.name(),
            sql,
            variable.isNumeric(),
            variable.labelKey(),
            variable.type().name(),
            unit(variable.name()),
            variable.options()));
  }

  /** "discharge_date" becomes "discharge_day": days from the operation. */
  static String dayName(String dateVariable) {
    return dateVariable.endsWith("_date")
        ? dateVariable.substring(0, dateVariable.length() - "_date".length()) + "_day"
        : dateVariable + "_day";
  }

  static String unit(String name) {
    if (name.endsWith("_cm")) return "cm";
    if (name.endsWith("_kg")) return "kg";
    if (name.endsWith("_min")) return "min";
    if (name.endsWith("_ml")) return "ml";
    if (name.endsWith("_pod")) return "postoperative day";
    if (name.equals("bmi") || name.equals("bmi_entered")) return "kg/m2";
    if (name.equals("age_years") || name.equals("age_at_surgery")) return "years";
    if (name.equals("length_of_stay_days")) return "days";
    if (name.equals("visit_month")) return "months after surgery";
    if (name.equals("cci")) return "0-100";
    return "";
  }
}
