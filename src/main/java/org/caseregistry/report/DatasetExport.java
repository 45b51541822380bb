package org.caseregistry.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.ReportingDatabase;
import org.caseregistry.report.DatasetLayout.Column;
import org.caseregistry.report.DatasetLayout.File;
import org.caseregistry.series.FormService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The dataset for analysis in R, SPSS or Stata: a ZIP with one row per case ({@code cases.csv},
 * every variable of the single sections and the derived columns), one row per item of the list
 * sections ({@code complications.csv}, {@code nodes.csv}, {@code followup.csv}), the reasons for
 * missing values ({@code missing_reasons.csv}), {@code codebook.csv}, and the scripts that read it
 * all with labels in R, Stata and SPSS ({@link AnalysisScripts}); {@code cases.xlsx} too on
 * request. Values are codes, numbers with a decimal point, and empty when missing.
 *
 * <p>De-identified unless asked otherwise by an admin: identifier variables are left out and every
 * date is written as days from the operation date (the operation year is kept). Each file is
 * streamed row by row from a database cursor (fetch size {@value #FETCH_SIZE}) in one read-only
 * transaction, never held in memory.
 */
@Service
class DatasetExport {

  static final int FETCH_SIZE = 500;

  private final ReportingDatabase reporting;
  private final NamedParameterJdbcTemplate jdbc;

  private final FormService forms;

  DatasetExport(ReportingDatabase reporting, FormService forms) {
    this.reporting = reporting;
    this.forms = forms;
    this.jdbc = reporting.streaming(FETCH_SIZE);
  }

  /** Writes the ZIP; returns nothing, the audit was written by the caller before. */
  void write(
      ReportFilter filter, boolean identified, boolean withXlsx, Labels labels, OutputStream out)
      throws IOException {
    // The form is read before the snapshot: its service opens its own (JPA) transaction.
    FormDefinition form = forms.current(filter.seriesId());
    reporting.read(
        () -> {
          writeInSnapshot(filter, form, identified, withXlsx, labels, out);
          return null;
        });
  }

  private void writeInSnapshot(
      ReportFilter filter,
      FormDefinition form,
      boolean identified,
      boolean withXlsx,
      Labels labels,
      OutputStream out)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    List<File> files = DatasetLayout.files(identified, form, labels.vietnamese());
    for (File file : files) {
      zip.putNextEntry(new ZipEntry(file.name() + ".csv"));
      try (CSVPrinter printer = CsvCells.printer(CloseShieldOutputStream.wrap(zip))) {
        printer.printRecord(file.columns().stream().map(Column::name).toList());
        stream(
            file,
            filter,
            rs -> {
              List<String> record = new ArrayList<>(file.columns().size());
              for (Column column : file.columns()) {
                record.add(csvValue(rs, column));
              }
              print(printer, record);
            });
      }
      zip.closeEntry();
    }
    zip.putNextEntry(new ZipEntry("missing_reasons.csv"));
    try (CSVPrinter printer = CsvCells.printer(CloseShieldOutputStream.wrap(zip))) {
      new DatasetMissingReasons(jdbc).write(filter, identified, form, printer);
    }
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry("codebook.csv"));
    try (CSVPrinter printer = CsvCells.printer(CloseShieldOutputStream.wrap(zip))) {
      DatasetCodebook.write(files, labels, printer);
    }
    zip.closeEntry();
    // R, Stata and SPSS read the CSV files above with their labels, types and missing codes.
    for (AnalysisScripts.Script script : AnalysisScripts.all(files, labels)) {
      zip.putNextEntry(new ZipEntry(script.fileName()));
      zip.write(script.text().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    if (withXlsx) {
      zip.putNextEntry(new ZipEntry("cases.xlsx"));
      File wide = files.get(0);
      DatasetXlsx.write(
          wide, writer -> stream(wide, filter, writer), CloseShieldOutputStream.wrap(zip));
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }

  private void stream(File file, ReportFilter filter, RowWriter writer) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String select =
        file.columns().stream()
            .map(c -> c.sql() + " as " + c.name())
            .collect(Collectors.joining(", "));
    String order =
        file.name().equals("cases")
            ? " order by length(c.study_code), lower(c.study_code), c.id"
            : " order by length(c.study_code), lower(c.study_code), c.id, x.position, x.id";
    jdbc.query(
        "select " + select + file.from() + filter.where(params) + order,
        params,
        rs -> {
          try {
            writer.write(rs);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @FunctionalInterface
  interface RowWriter {
    void write(ResultSet rs) throws SQLException, IOException;
  }

  /** The rows of one file, each handed to the writer as the cursor reaches it. */
  @FunctionalInterface
  interface RowSource {
    void forEachRow(RowWriter writer);
  }

  private static void print(CSVPrinter printer, List<String> record) throws IOException {
    printer.printRecord(record);
  }

  private static String csvValue(ResultSet rs, Column column) throws SQLException {
    if (column.number()) {
      BigDecimal number = rs.getBigDecimal(column.name());
      return number == null ? "" : plain(number);
    }
    String text = rs.getString(column.name());
    return text == null ? "" : CsvCells.safe(text);
  }

  private static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
