package org.caseregistry.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.catalog.MissingReason;

/**
 * The cells of the per-patient tables, for built-in and custom rows alike: a patient's value (a
 * number as recorded, a category, or the missing reason in words) and the overall cell (the mean of
 * a number row, n/N of one category of a categorical row).
 */
final class PatientCells {

  /**
   * A patient's value in a row: the cell, the category it counts as (null when unknown or not
   * entered), and for number rows the number.
   */
  record Value(ReportTable.Cell cell, String category, String categoryLabel, BigDecimal number) {}

  record Overall(ReportTable.Cell cell, String statistic) {}

  private final Labels labels;
  private final ReportFormat format;

  PatientCells(Labels labels, ReportFormat format) {
    this.labels = labels;
    this.format = format;
  }

  /** A table of the patients' columns: label, one column per patient, overall, statistic. */
  ReportTable table(
      String id, String title, List<PatientRecord> patients, List<ReportTable.Row> body) {
    List<ReportTable.Cell> header = new ArrayList<>();
    header.add(ReportTable.Cell.text(labels.message("report.patients.characteristic")));
    patients.forEach(patient -> header.add(ReportTable.Cell.text(patient.studyCode())));
    header.add(ReportTable.Cell.text(labels.message("report.overall")));
    header.add(ReportTable.Cell.text(labels.message("report.patients.statistic")));
    return new ReportTable(
        id, title, List.of(header), body, List.of(labels.message("report.patients.footnote")));
  }

  /** One row: its label, the patients' cells, the overall cell and what it gives. */
  static ReportTable.Row row(String label, List<Value> values, Overall overall) {
    List<ReportTable.Cell> cells = new ArrayList<>();
    cells.add(ReportTable.Cell.text(label));
    values.forEach(value -> cells.add(value.cell()));
    cells.add(overall.cell());
    cells.add(ReportTable.Cell.text(overall.statistic()));
    return new ReportTable.Row(ReportTable.Kind.PLAIN, cells);
  }

  /** A number as recorded (its own decimals), or the missing reason when there is none. */
  Value number(Object value, String reason) {
    if (value == null) {
      return missing(reason);
    }
    BigDecimal number =
        value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    int decimals = Math.max(0, number.stripTrailingZeros().scale());
    return new Value(
        ReportTable.Cell.number(number, decimals, format.recorded(number)), null, null, number);
  }

  /**
   * A category shown by its label; {@code known} false: shown, but not counted (e.g. "Unknown").
   */
  Value category(String code, String label, boolean known) {
    return new Value(ReportTable.Cell.text(label), known ? code : null, label, null);
  }

  /** Unknown, not applicable or not entered, in the reader's words. */
  Value missing(String reason) {
    String text =
        MissingReason.UNKNOWN.name().equals(reason)
            ? labels.message("report.cell.unknown")
            : MissingReason.NOT_APPLICABLE.name().equals(reason)
                ? labels.message("report.cell.not-applicable")
                : labels.message("report.cell.not-entered");
    return new Value(ReportTable.Cell.text(text), null, null, null);
  }

  /** The mean of the numbers known, saying of how many patients when some are missing. */
  Overall mean(List<Value> values) {
    List<BigDecimal> numbers = values.stream().map(Value::number).filter(n -> n != null).toList();
    BigDecimal mean = Statistics.mean(numbers);
    if (mean == null) {
      return new Overall(ReportTable.Cell.text("–"), labels.message("report.statistic.mean"));
    }
    String statistic =
        numbers.size() == values.size()
            ? labels.message("report.statistic.mean")
            : labels.message(
                "report.statistic.mean-of",
                String.valueOf(numbers.size()),
                String.valueOf(values.size()));
    return new Overall(
        ReportTable.Cell.mean(
            mean, numbers.size(), ReportFormat.STATISTIC_DECIMALS, format.statistic(mean)),
        statistic);
  }

  /** Nothing to count: no patient's value is known. */
  Overall none() {
    return new Overall(ReportTable.Cell.text("–"), "");
  }

  /**
   * n/N: the patients of the reference category among the {@code known} ones; the statistic's
   * message takes the reference's label when there is one.
   */
  Overall countOf(long count, int known, String statisticKey, String referenceLabel) {
    String text = count + "/" + known;
    String statistic =
        referenceLabel == null
            ? labels.message(statisticKey)
            : labels.message(statisticKey, referenceLabel);
    return new Overall(ReportTable.Cell.countOf(text, count, known), statistic);
  }

  /** The patients of the known ones whose category is the reference. */
  static long count(List<Value> known, String reference) {
    return known.stream().filter(value -> reference.equals(value.category())).count();
  }

  /** The most frequent category; among equally frequent ones, the first patient's. */
  static String mostFrequent(List<Value> known) {
    Map<String, Long> counts = new LinkedHashMap<>();
    known.forEach(value -> counts.merge(value.category(), 1L, Long::sum));
    return counts.entrySet().stream()
        .reduce((best, next) -> next.getValue() > best.getValue() ? next : best)
        .orElseThrow()
        .getKey();
  }

  /** The label a patient's cell showed for this category, if any did. */
  static String seenLabel(List<Value> known, String reference) {
    return known.stream()
        .filter(value -> reference.equals(value.category()) && value.categoryLabel() != null)
        .map(Value::categoryLabel)
        .findFirst()
        .orElse(null);
  }
}
