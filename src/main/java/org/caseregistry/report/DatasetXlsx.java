package org.caseregistry.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.caseregistry.report.DatasetLayout.Column;
import org.caseregistry.report.DatasetLayout.File;

/**
 * The wide file as {@code cases.xlsx}: numbers in numeric cells, streamed through POI's window of
 * 100 rows, never the whole sheet in memory.
 */
final class DatasetXlsx {

  private DatasetXlsx() {}

  static void write(File file, DatasetExport.RowSource rows, OutputStream out) throws IOException {
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
      rows.forEachRow(
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
