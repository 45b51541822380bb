package org.caseregistry.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.report.PatientCells.Overall;
import org.caseregistry.report.PatientCells.Value;

/**
 * The per-patient tables of custom rows: one table per custom section (titled with its label), its
 * chosen rows in the form's order. Numbers and calculations show as recorded with the mean overall;
 * choices and yes/no by their label in the reader's language with n/N of the most frequent code;
 * check boxes as the ticked labels with n/N of the most often ticked code; dates as recorded with
 * the earliest and latest; a repeating section as the number of its items with the mean. Missing
 * values read as the built-in rows' do (unknown, not applicable, not entered).
 */
final class CustomPatientTables {

  private final Labels labels;
  private final PatientCells cells;

  CustomPatientTables(Labels labels, PatientCells cells) {
    this.labels = labels;
    this.cells = cells;
  }

  List<ReportTable> build(List<PatientRecord> patients, List<CustomPatientRows.Row> chosen) {
    Map<SectionDefinition, List<CustomPatientRows.Row>> bySection = new LinkedHashMap<>();
    chosen.forEach(
        row -> bySection.computeIfAbsent(row.section(), s -> new ArrayList<>()).add(row));
    List<ReportTable> tables = new ArrayList<>();
    bySection.forEach(
        (section, rows) -> {
          List<ReportTable.Row> body = new ArrayList<>();
          for (CustomPatientRows.Row row : rows) {
            List<Value> values = patients.stream().map(patient -> value(row, patient)).toList();
            body.add(PatientCells.row(row.label(labels), values, overall(row, patients, values)));
          }
          tables.add(
              cells.table(
                  "patients-custom-" + section.key(),
                  section.label(labels.vietnamese()),
                  patients,
                  body));
        });
    return tables;
  }

  private Value value(CustomPatientRows.Row row, PatientRecord patient) {
    PatientRecord.CustomValues custom = patient.custom();
    if (row.field() == null) {
      return cells.number(custom.items().getOrDefault(row.section().key(), 0), null);
    }
    FieldDefinition field = row.field();
    Object value = custom.values().get(field.name());
    String reason = custom.reasons().get(field.name());
    if (value == null) {
      return cells.missing(reason);
    }
    boolean vietnamese = labels.vietnamese();
    return switch (field.type()) {
      case INTEGER, DECIMAL, CALCULATED -> cells.number(value, reason);
      case DATE -> new Value(ReportTable.Cell.text(value.toString()), null, null, null);
      case MULTIPLE_CHOICE -> {
        List<String> labelsTicked =
            codes(value).stream().map(code -> choiceLabel(field, code, vietnamese)).toList();
        String text =
            labelsTicked.isEmpty()
                ? labels.message("report.cell.none")
                : String.join("; ", labelsTicked);
        // Answered: counted in N; the codes themselves are counted by the overall cell.
        yield new Value(ReportTable.Cell.text(text), "", null, null);
      }
      default -> {
        String code = value.toString();
        yield cells.category(code, choiceLabel(field, code, vietnamese), true);
      }
    };
  }

  private Overall overall(
      CustomPatientRows.Row row, List<PatientRecord> patients, List<Value> values) {
    FieldDefinition field = row.field();
    if (field == null || field.type().isNumeric()) {
      return cells.mean(values);
    }
    return switch (field.type()) {
      case DATE -> range(patients, field);
      case MULTIPLE_CHOICE -> mostTicked(patients, field);
      default -> {
        List<Value> known = values.stream().filter(value -> value.category() != null).toList();
        if (known.isEmpty()) {
          yield cells.none();
        }
        String reference = PatientCells.mostFrequent(known);
        yield cells.countOf(
            PatientCells.count(known, reference),
            known.size(),
            "report.statistic.count-of",
            PatientCells.seenLabel(known, reference));
      }
    };
  }

  /** "2026-01-03 – 2026-02-11": the earliest and latest date recorded. */
  private Overall range(List<PatientRecord> patients, FieldDefinition field) {
    List<LocalDate> dates =
        patients.stream()
            .map(patient -> patient.custom().values().get(field.name()))
            .filter(LocalDate.class::isInstance)
            .map(LocalDate.class::cast)
            .sorted()
            .toList();
    if (dates.isEmpty()) {
      return cells.none();
    }
    return new Overall(
        ReportTable.Cell.text(dates.get(0) + " – " + dates.get(dates.size() - 1)),
        labels.message("report.statistic.range"));
  }

  /** n/N: the patients with the most often ticked code among those who answered. */
  private Overall mostTicked(List<PatientRecord> patients, FieldDefinition field) {
    List<List<String>> answered =
        patients.stream()
            .map(patient -> patient.custom().values().get(field.name()))
            .filter(Objects::nonNull)
            .map(CustomPatientTables::codes)
            .toList();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Choice choice : field.choices()) {
      long count = answered.stream().filter(codes -> codes.contains(choice.code())).count();
      if (count > 0) {
        counts.put(choice.code(), count);
      }
    }
    if (counts.isEmpty()) {
      return answered.isEmpty()
          ? cells.none()
          : cells.countOf(0, answered.size(), "report.statistic.none-ticked", null);
    }
    String reference =
        counts.entrySet().stream()
            .reduce((best, next) -> next.getValue() > best.getValue() ? next : best)
            .orElseThrow()
            .getKey();
    return cells.countOf(
        counts.get(reference),
        answered.size(),
        "report.statistic.count-of",
        choiceLabel(field, reference, labels.vietnamese()));
  }

  private static String choiceLabel(FieldDefinition field, String code, boolean vietnamese) {
    return field.choice(code).map(choice -> choice.label(vietnamese)).orElse(code);
  }

  private static List<String> codes(Object value) {
    return value instanceof Collection<?> codes
        ? codes.stream().map(String::valueOf).toList()
        : List.of(value.toString());
  }
}
