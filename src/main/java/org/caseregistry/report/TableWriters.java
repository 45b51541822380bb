package org.caseregistry.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes report tables as CSV (the tables one after another) and as XLSX (one sheet per table,
 * numbers in numeric cells shown with the same decimals as on screen), straight to the response.
 */
final class TableWriters {

  private TableWriters() {}

  static void csv(List<ReportTable> tables, OutputStream out) throws IOException {
    try (CSVPrinter printer = CsvCells.printer(out)) {
      boolean first = true;
      for (ReportTable table : tables) {
        if (!first) {
          printer.println();
        }
        first = false;
        printer.printRecord(CsvCells.safe(table.title()));
        for (List<ReportTable.Cell> header : table.header()) {
          printer.printRecord(texts(header));
        }
        for (ReportTable.Row row : table.rows()) {
          printer.printRecord(texts(row.cells()));
        }
        for (String footnote : table.footnotes()) {
          printer.printRecord(CsvCells.safe(footnote));
        }
      }
    }
  }

  private static List<String> texts(List<ReportTable.Cell> cells) {
    List<String> texts = new ArrayList<>(cells.size());
    cells.forEach(cell -> texts.add(CsvCells.safe(cell.text())));
    return texts;
  }

  static void xlsx(List<ReportTable> tables, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    try {
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle headerStyle = workbook.createCellStyle();
      headerStyle.setFont(bold);
      CellStyle[] numberStyles = new CellStyle[4];
      for (int decimals = 0; decimals < numberStyles.length; decimals++) {
        numberStyles[decimals] = workbook.createCellStyle();
        numberStyles[decimals].setDataFormat(
            workbook
                .createDataFormat()
                .getFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals)));
      }
      List<String> names = new ArrayList<>();
      for (ReportTable table : tables) {
        SXSSFSheet sheet = workbook.createSheet(sheetName(table, names));
        int r = 0;
        Row title = sheet.createRow(r++);
        text(title, 0, table.title(), headerStyle);
        for (List<ReportTable.Cell> header : table.header()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < header.size(); c++) {
            text(row, c, header.get(c).text(), headerStyle);
          }
        }
        for (ReportTable.Row body : table.rows()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < body.cells().size(); c++) {
            ReportTable.Cell cell = body.cells().get(c);
            CellStyle style =
                c == 0 && body.kind() == ReportTable.Kind.VARIABLE ? headerStyle : null;
            if (cell.numeric()) {
              Cell target = row.createCell(c);
              target.setCellValue(cell.number().doubleValue());
              target.setCellStyle(numberStyles[Math.min(cell.decimals(), numberStyles.length - 1)]);
            } else {
              text(row, c, cell.text(), style);
            }
          }
        }
        r++;
        for (String footnote : table.footnotes()) {
          text(sheet.createRow(r++), 0, footnote, null);
        }
        sheet.setColumnWidth(0, 45 * 256);
        for (int c = 1; c < table.width(); c++) {
          sheet.setColumnWidth(c, 16 * 256);
        }
      }
      workbook.write(out);
    } finally {
      workbook.close();
      workbook.dispose();
    }
  }

  private static void text(Row row, int column, String text, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(text == null ? "" : text);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  /**
   * A valid, unique sheet name from the table's title, cut at a word within Excel's 31 characters:
   * "Table 1: Preoperative characteristics …" becomes "Table 1 Preoperative".
   */
  static String sheetName(ReportTable table, List<String> taken) {
    String base = readableSheetName(table.title());
    String name = base;
    int n = 2;
    while (taken.contains(name.toLowerCase())) {
      String suffix = " (" + n++ + ")";
      name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  }

  static String readableSheetName(String title) {
    String clean = title.replaceAll("[:\\\\/?*\\[\\]']", " ").replaceAll("\\s+", " ").strip();
    if (clean.length() > 31) {
      int cut = clean.lastIndexOf(' ', 31);
      clean = cut > 0 ? clean.substring(0, cut) : clean.substring(0, 31);
    }
    return WorkbookUtil.createSafeSheetName(clean.isEmpty() ? "Table" : clean);
  }
}
