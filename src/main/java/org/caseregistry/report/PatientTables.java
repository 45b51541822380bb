package org.caseregistry.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.catalog.Variable;
import org.caseregistry.report.PatientCells.Overall;
import org.caseregistry.report.PatientCells.Value;

/**
 * The seed paper's per-patient tables: one column per patient (study code), then the overall column
 * computed from the row, then the statistic the overall cell gives. Following the paper, the
 * overall cell of a number row is the mean, and that of a categorical row is n/N of one category
 * (N: the patients whose value is known).
 */
final class PatientTables {

  private final Labels labels;
  private final PatientCells cells;
  private final CustomPatientTables custom;

  PatientTables(Labels labels, ReportFormat format) {
    this.labels = labels;
    this.cells = new PatientCells(labels, format);
    this.custom = new CustomPatientTables(labels, cells);
  }

  /** The tables with the chosen rows, in the paper's order; a table without rows is left out. */
  List<ReportTable> build(List<PatientRecord> patients, List<PatientRow> chosen) {
    return build(patients, chosen, List.of());
  }

  /** The same, then one table per custom section with chosen custom rows, in the form's order. */
  List<ReportTable> build(
      List<PatientRecord> patients,
      List<PatientRow> chosen,
      List<CustomPatientRows.Row> chosenCustom) {
    List<ReportTable> tables = new ArrayList<>();
    for (PatientRow.Table table : PatientRow.Table.values()) {
      List<PatientRow> rows = chosen.stream().filter(row -> row.table() == table).toList();
      if (!rows.isEmpty()) {
        tables.add(table(table, patients, rows));
      }
    }
    tables.addAll(custom.build(patients, chosenCustom));
    return tables;
  }

  private ReportTable table(
      PatientRow.Table table, List<PatientRecord> patients, List<PatientRow> rows) {
    List<ReportTable.Row> body = new ArrayList<>();
    for (PatientRow row : rows) {
      List<Value> values = patients.stream().map(patient -> value(row, patient)).toList();
      body.add(PatientCells.row(labels.message(row.labelKey()), values, overall(row, values)));
    }
    return cells.table("patients-" + table.id(), labels.message(table.titleKey()), patients, body);
  }

  // ---------------------------------------------------------------- one patient's cell

  private Value value(PatientRow row, PatientRecord patient) {
    return switch (row.source()) {
      case NUMBER -> number(row.field(), patient);
      case CODE -> code(catalogVariable(row.field()), row.field(), patient);
      case STAGE -> stage(row.field(), patient);
      case CLINICAL_TNM ->
          PatientRow.GASTRIC.equals(row.field())
              ? tnm("c", patient, "gastric_ct", "gastric_cn", "gastric_cm")
              : tnm("c", patient, "ct", "cn", "cm");
      case PATHOLOGICAL_TNM -> {
        boolean gastric = PatientRow.GASTRIC.equals(row.field());
        Object prefix = patient.value(gastric ? "gastric_path_prefix" : "path_prefix");
        String p = prefix == null ? null : prefix.toString().toLowerCase();
        yield gastric
            ? tnm(p, patient, "gastric_pt", "gastric_pn", "gastric_pm")
            : tnm(p, patient, "pt", "pn", "pm");
      }
      case NODES -> nodes(row.field(), patient);
      case COMPLICATIONS -> complications(patient);
      case FOLLOWUP -> followUp(Integer.parseInt(row.field()), patient);
    };
  }

  private Value number(String column, PatientRecord patient) {
    return cells.number(patient.value(column), patient.reason(column));
  }

  private Value code(Variable variable, String column, PatientRecord patient) {
    Object value = patient.value(column);
    if (value == null) {
      return missing(patient.reason(column));
    }
    String code = value.toString();
    Optional<CodeOption> option = variable.option(code);
    String label = option.map(labels::code).orElse(code);
    boolean known = option.map(o -> !o.isUnknown() && !o.isNotApplicable()).orElse(true);
    return cells.category(code, label, known);
  }

  private Value stage(String column, PatientRecord patient) {
    Object value = patient.value(column);
    if (value == null) {
      return missing(null);
    }
    String label = labels.firstOf(value.toString(), "stage." + value);
    return cells.category(value.toString(), label, true);
  }

  /** "cT2N0M0", "pT4N2M0": the categories as recorded, unknown parts as X. */
  private Value tnm(String prefix, PatientRecord patient, String t, String n, String m) {
    Object tValue = patient.value(t);
    Object nValue = patient.value(n);
    Object mValue = patient.value(m);
    if (tValue == null && nValue == null && mValue == null) {
      return missing(null);
    }
    String text =
        (prefix == null ? "" : prefix)
            + literal(t, tValue, "TX")
            + literal(n, nValue, "NX")
            + literal(m, mValue, "MX");
    boolean known = tValue != null && nValue != null && mValue != null && !text.contains("X");
    return new Value(ReportTable.Cell.text(text), known ? text : null, text, null);
  }

  private static String literal(String column, Object code, String unknown) {
    if (code == null) {
      return unknown;
    }
    return CaseVariables.get(column)
        .option(code.toString())
        .map(option -> option.literalLabel() != null ? option.literalLabel() : option.code())
        .orElse(code.toString());
  }

  /** "1/10": positive of examined nodes; the category says whether any node was positive. */
  private Value nodes(String field, PatientRecord patient) {
    int[] counts = patient.nodes().get(field);
    if (counts == null) {
      return missing(null);
    }
    String text = counts[0] + "/" + counts[1];
    return new Value(
        ReportTable.Cell.text(text), counts[0] > 0 ? "POSITIVE" : "NEGATIVE", text, null);
  }

  private Value complications(PatientRecord patient) {
    if (!patient.complications().isEmpty()) {
      Variable type = CaseVariables.get("complication_type");
      List<String> names =
          patient.complications().stream()
              .map(
                  code ->
                      type.option(code)
                          .map(
                              option ->
                                  labels.firstOf(
                                      labels.code(option), "report.complication." + option.code()))
                          .orElse(code))
              .toList();
      return new Value(ReportTable.Cell.text(String.join("; ", names)), "YES", null, null);
    }
    Object answer = patient.value("any_complication");
    if ("NO".equals(answer)) {
      return new Value(ReportTable.Cell.text(labels.message("report.cell.none")), "NO", null, null);
    }
    if ("YES".equals(answer)) {
      // "Yes" without the complications listed yet (the case checks flag it).
      String yes =
          CaseVariables.get("any_complication").option("YES").map(labels::code).orElse("YES");
      return new Value(ReportTable.Cell.text(yes), "YES", null, null);
    }
    if ("UNKNOWN".equals(answer)) {
      return missing("UNKNOWN");
    }
    return missing(patient.reason("any_complication"));
  }

  private Value followUp(int month, PatientRecord patient) {
    String status = patient.followUps().get(month);
    if (status == null) {
      return missing(null);
    }
    Variable variable = CaseVariables.get("followup_status");
    Optional<CodeOption> option = variable.option(status);
    String label = option.map(labels::code).orElse(status);
    boolean known = option.map(o -> !o.isUnknown()).orElse(true);
    return cells.category(status, label, known);
  }

  private Value missing(String reason) {
    return cells.missing(reason);
  }

  /** The catalog variable whose codes a column holds. */
  private static Variable catalogVariable(String column) {
    return switch (column) {
      case "worst_clavien_dindo" -> CaseVariables.get("clavien_dindo");
      // N0 … N3b: the gastric codes hold the esophagus ones.
      case "pn_from_count" -> CaseVariables.get("gastric_pn");
      default -> CaseVariables.get(column);
    };
  }

  // ---------------------------------------------------------------- the overall cell

  private Overall overall(PatientRow row, List<Value> values) {
    if (row.source() == PatientRow.Source.NUMBER) {
      return cells.mean(values);
    }
    List<Value> known = values.stream().filter(value -> value.category() != null).toList();
    if (known.isEmpty()) {
      return cells.none();
    }
    return switch (row.source()) {
      case NODES ->
          cells.countOf(
              PatientCells.count(known, "POSITIVE"),
              known.size(),
              "report.statistic.positive-nodes",
              null);
      case COMPLICATIONS ->
          cells.countOf(
              PatientCells.count(known, "YES"),
              known.size(),
              "report.statistic.with-complication",
              null);
      default -> {
        String reference = row.referenceCode().orElseGet(() -> PatientCells.mostFrequent(known));
        yield cells.countOf(
            PatientCells.count(known, reference),
            known.size(),
            "report.statistic.count-of",
            referenceLabel(row, reference, known));
      }
    };
  }

  private String referenceLabel(PatientRow row, String reference, List<Value> known) {
    String seen = PatientCells.seenLabel(known, reference);
    if (seen != null) {
      return seen;
    }
    if (row.source() == PatientRow.Source.CODE) {
      return catalogVariable(row.field()).option(reference).map(labels::code).orElse(reference);
    }
    return reference;
  }
}
