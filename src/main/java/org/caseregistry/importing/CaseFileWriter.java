package org.caseregistry.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.ValueType;
import org.caseregistry.catalog.Variable;
import org.caseregistry.importing.CaseFileFormat.Sheet;

/**
 * Writes sheets in the case file format: an XLSX workbook (streamed; numbers as numbers, dates as
 * dates, codes and text as text, drop-down lists of the codes from the codebook) or a ZIP of CSV
 * files (UTF-8 with byte-order mark, so that spreadsheet programs show Vietnamese correctly).
 */
final class CaseFileWriter {

  /** One data sheet: its name in the format, its columns and its rows of cell texts. */
  record SheetContent(String name, List<String> columns, List<List<String>> rows) {

    SheetContent(Sheet sheet, List<String> columns, List<List<String>> rows) {
      this(sheet.sheetName(), columns, rows);
    }
  }

  private CaseFileWriter() {}

  static byte[] xlsx(List<SheetContent> sheets, Codebook.Content codebook) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(500);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(workbook.createDataFormat().getFormat("@"));
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      for (SheetContent content : sheets) {
        SXSSFSheet sheet = workbook.createSheet(CustomSheets.workbookSheetName(content.name()));
        sheet.createFreezePane(0, 1);
        Row headerRow = sheet.createRow(0);
        for (int c = 0; c < content.columns().size(); c++) {
          Cell cell = headerRow.createCell(c);
          cell.setCellValue(content.columns().get(c));
          cell.setCellStyle(header);
          sheet.setColumnWidth(c, Math.max(10, content.columns().get(c).length() + 2) * 256);
          Variable variable = variable(content.columns().get(c));
          if (variable == null || !variable.isNumeric() && variable.type() != ValueType.DATE) {
            sheet.setDefaultColumnStyle(c, text);
          }
        }
        int r = 1;
        for (List<String> cells : content.rows()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < cells.size(); c++) {
            write(row, c, variable(content.columns().get(c)), cells.get(c), text, date);
          }
        }
        dropDowns(sheet, content, codebook);
      }
      SXSSFSheet book = workbook.createSheet(Sheet.CODEBOOK.sheetName());
      book.createFreezePane(0, 1);
      Row headerRow = book.createRow(0);
      for (int c = 0; c < Codebook.COLUMNS.size(); c++) {
        Cell cell = headerRow.createCell(c);
        cell.setCellValue(Codebook.COLUMNS.get(c));
        cell.setCellStyle(header);
      }
      int r = 1;
      for (List<String> cells : codebook.rows()) {
        Row row = book.createRow(r++);
        for (int c = 0; c < cells.size(); c++) {
          if (!cells.get(c).isEmpty()) {
            row.createCell(c).setCellValue(cells.get(c));
          }
        }
      }
      workbook.write(out);
      workbook.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Variable variable(String column) {
    return CaseVariables.exists(column) ? CaseVariables.get(column) : null;
  }

  private static void write(
      Row row, int column, Variable variable, String value, CellStyle text, CellStyle date) {
    if (value == null || value.isEmpty()) {
      return;
    }
    Cell cell = row.createCell(column);
    if (variable != null && variable.isNumeric() && CaseFileFormat.missingReason(value) == null) {
      try {
        cell.setCellValue(new BigDecimal(value).doubleValue());
        return;
      } catch (NumberFormatException notANumber) {
        // written as text below
      }
    }
    if (variable != null
        && variable.type() == ValueType.DATE
        && CaseFileFormat.missingReason(value) == null) {
      try {
        cell.setCellValue(LocalDate.parse(value));
        cell.setCellStyle(date);
        return;
      } catch (DateTimeParseException notIso) {
        // written as text below
      }
    }
    cell.setCellValue(value);
    cell.setCellStyle(text);
  }

  /** A drop-down list on every coded column, pointing at the codes in the codebook sheet. */
  private static void dropDowns(SXSSFSheet sheet, SheetContent content, Codebook.Content codebook) {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    String codeColumn = CellReference.convertNumToColString(Codebook.CODE_COLUMN);
    for (int c = 0; c < content.columns().size(); c++) {
      int[] rows = codebook.codeRows().get(content.name() + "/" + content.columns().get(c));
      if (rows == null) {
        continue;
      }
      // Codebook row i (0-based, after its header) is spreadsheet row i + 2.
      DataValidationConstraint constraint =
          helper.createFormulaListConstraint(
              Sheet.CODEBOOK.sheetName()
                  + "!$"
                  + codeColumn
                  + "$"
                  + (rows[0] + 2)
                  + ":$"
                  + codeColumn
                  + "$"
                  + (rows[1] + 2));
      DataValidation validation =
          helper.createValidation(
              constraint, new CellRangeAddressList(1, CaseFileFormat.MAX_ROWS, c, c));
      // Labels are accepted too: warn, do not refuse.
      validation.setErrorStyle(DataValidation.ErrorStyle.WARNING);
      validation.setShowErrorBox(true);
      validation.setSuppressDropDownArrow(true);
      sheet.addValidationData(validation);
    }
  }

  static byte[] zip(List<SheetContent> sheets, Codebook.Content codebook) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (SheetContent content : sheets) {
        zip.putNextEntry(new ZipEntry(content.name() + ".csv"));
        csv(zip, content.columns(), content.rows());
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry(Sheet.CODEBOOK.fileName()));
      csv(zip, Codebook.COLUMNS, codebook.rows());
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void csv(ZipOutputStream zip, List<String> header, List<List<String>> rows)
      throws IOException {
    Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
    printer.printRecord(header);
    for (List<String> row : rows) {
      printer.printRecord(row.stream().map(CaseFileFormat::neutralised).toList());
    }
    printer.flush();
  }
}
