package org.caseregistry.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Builds upload files for tests, independently of the application's own writer: sheets of text rows
 * (the first row the header) as an XLSX workbook, a ZIP of CSV files, or one CSV.
 */
final class ImportFiles {

  /** Sheets by name, each a list of rows, the first the header. */
  static final class Book {
    final Map<String, List<List<String>>> sheets = new LinkedHashMap<>();

    Book sheet(String name, List<String> header) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(new ArrayList<>(header));
      sheets.put(name, rows);
      return this;
    }

    Book row(String sheet, List<String> cells) {
      sheets.get(sheet).add(new ArrayList<>(cells));
      return this;
    }

    /** A row given as column → value; other columns empty. */
    Book row(String sheet, Map<String, String> cells) {
      List<String> header = sheets.get(sheet).get(0);
      List<String> row = new ArrayList<>();
      for (String column : header) {
        row.add(cells.getOrDefault(column, ""));
      }
      for (String column : cells.keySet()) {
        if (!header.contains(column)) {
          throw new IllegalArgumentException("No column " + column + " in " + sheet);
        }
      }
      sheets.get(sheet).add(row);
      return this;
    }

    int rows(String sheet) {
      return sheets.get(sheet).size() - 1;
    }
  }

  private ImportFiles() {}

  static byte[] xlsx(Book book) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (Map.Entry<String, List<List<String>>> entry : book.sheets.entrySet()) {
        Sheet sheet = workbook.createSheet(entry.getKey());
        int r = 0;
        for (List<String> cells : entry.getValue()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            if (cell != null && !cell.isEmpty()) {
              row.createCell(c).setCellValue(cell);
            }
          }
        }
      }
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] csv(List<List<String>> rows, char delimiter, boolean bom) {
    StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        if (c > 0) {
          text.append(delimiter);
        }
        String cell = row.get(c) == null ? "" : row.get(c);
        if (cell.indexOf(delimiter) >= 0 || cell.contains("\"") || cell.contains("\n")) {
          cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        text.append(cell);
      }
      text.append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] zip(Book book, char delimiter, boolean bom) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, List<List<String>>> entry : book.sheets.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey() + ".csv"));
        zip.write(csv(entry.getValue(), delimiter, bom));
        zip.closeEntry();
      }
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
