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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.output.CloseShieldOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.ValueType;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.ReportingDatabase;
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

  private static final List<String> DERIVED =
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

  private final ReportingDatabase reporting;
  private final NamedParameterJdbcTemplate jdbc;

  private final FormService forms;

  DatasetExport(ReportingDatabase reporting, FormService forms) {
    this.reporting = reporting;
    this.forms = forms;
    this.jdbc = reporting.streaming(FETCH_SIZE);
  }

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
    files.add(new File("cases", wide, ReportFilter.FROM));
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
              " from surgical_case c join hospital_site h on h.id = c.site_id"
                  + " left join case_operation op on op.case_id = c.id"
                  + " left join case_gastric_operation gop on gop.case_id = c.id"
                  + " join "
                  + section.table()
                  + " x on x.case_id = c.id"));
    }
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

  /** Writes the ZIP; returns nothing, the audit was written by the caller before. */
  void write(
      ReportFilter filter, boolean identified, boolean withXlsx, Labels labels, OutputStream out)
      throws IOException {
    reporting.read(
        () -> {
          writeInSnapshot(filter, identified, withXlsx, labels, out);
          return null;
        });
  }

  private void writeInSnapshot(
      ReportFilter filter, boolean identified, boolean withXlsx, Labels labels, OutputStream out)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    List<File> files = files(identified, forms.current(filter.seriesId()));
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
      missingReasons(filter, identified, printer);
    }
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry("codebook.csv"));
    try (CSVPrinter printer = CsvCells.printer(CloseShieldOutputStream.wrap(zip))) {
      codebook(files, labels, printer);
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
      wideXlsx(files.get(0), filter, CloseShieldOutputStream.wrap(zip));
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
  private interface RowWriter {
    void write(ResultSet rs) throws SQLException, IOException;
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

  /** study_code, section, item, variable, reason: why a value is missing, for every section. */
  private void missingReasons(ReportFilter filter, boolean identified, CSVPrinter printer)
      throws IOException {
    printer.printRecord("study_code", "section", "item", "variable", "reason");
    MapSqlParameterSource params = new MapSqlParameterSource();
    String where = filter.where(params);
    List<String> parts = new ArrayList<>();
    for (Section section : Section.values()) {
      parts.add(
          "select c.study_code, c.id as case_id, '"
              + section.slug()
              + "' as section, "
              + (section.isList() ? "s.position" : "cast(null as integer)")
              + " as item,"
              + " r.key as variable, r.value as reason"
              + " from surgical_case c join hospital_site h on h.id = c.site_id"
              + " left join case_operation op on op.case_id = c.id"
              + " left join case_gastric_operation gop on gop.case_id = c.id"
              + " join "
              + section.table()
              + " s on s.case_id = c.id"
              + " cross join lateral jsonb_each_text(s.missing_reasons) as r(key, value)"
              + where);
    }
    String sql =
        "select * from ("
            + String.join(" union all ", parts)
            + ") as reasons"
            + " order by length(study_code), lower(study_code), case_id, section, item, variable";
    jdbc.query(
        sql,
        params,
        rs -> {
          String variable = rs.getString("variable");
          if (!identified
              && CaseVariables.exists(variable)
              && CaseVariables.get(variable).identifier()) {
            return;
          }
          Variable known = CaseVariables.exists(variable) ? CaseVariables.get(variable) : null;
          String name =
              known != null && known.type() == ValueType.DATE && !identified
                  ? dayName(variable)
                  : variable;
          int item = rs.getInt("item");
          try {
            printer.printRecord(
                CsvCells.safe(rs.getString("study_code")),
                rs.getString("section"),
                rs.wasNull() ? "" : Integer.toString(item),
                name,
                rs.getString("reason"));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static void codebook(List<File> files, Labels labels, CSVPrinter printer)
      throws IOException {
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

  private void wideXlsx(File file, ReportFilter filter, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    try {
      SXSSFSheet sheet = workbook.createSheet("cases");
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      Row names = sheet.createRow(0);
      for (int c = 0; c < file.columns().size(); c++) {
        var cell = names.createCell(c);
        cell.setCellValue(file.columns().get(c).name());
        cell.setCellStyle(header);
      }
      int[] r = {1};
      stream(
          file,
          filter,
          rs -> {
            Row row = sheet.createRow(r[0]++);
            for (int c = 0; c < file.columns().size(); c++) {
              Column column = file.columns().get(c);
              if (column.number()) {
                BigDecimal number = rs.getBigDecimal(column.name());
                if (number != null) {
                  row.createCell(c).setCellValue(number.doubleValue());
                }
              } else {
                String text = rs.getString(column.name());
                if (text != null) {
                  row.createCell(c).setCellValue(text);
                }
              }
            }
          });
      workbook.write(out);
    } finally {
      workbook.close();
      workbook.dispose();
    }
  }
}
