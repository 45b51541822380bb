package org.caseregistry.report;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.caseregistry.report.DatasetLayout.Column;
import org.caseregistry.report.DatasetLayout.File;

/** The dataset's {@code codebook.csv}: every column of every file, its label, type, unit, codes. */
final class DatasetCodebook {

  private DatasetCodebook() {}

  static void write(List<File> files, Labels labels, CSVPrinter printer) throws IOException {
    printer.printRecord("file", "variable", "label", "type", "unit", "codes");
    for (File file : files) {
      for (Column column : file.columns()) {
        String codes =
            column.options().stream()
                .map(option -> option.code() + "=" + labels.code(option))
                .collect(Collectors.joining(" | "));
        printer.printRecord(
            file.name() + ".csv",
            column.name(),
            CsvCells.safe(labels.message(column.labelKey())),
            column.type(),
            column.unit(),
            CsvCells.safe(codes));
      }
    }
    printer.printRecord(
        "missing_reasons.csv",
        "reason",
        CsvCells.safe(labels.message("report.dataset.reason")),
        "CODE",
        "",
        "UNKNOWN | NOT_APPLICABLE");
  }
}
