package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Real spreadsheets: byte-order marks, semicolons, blank rows, number and date cells, limits. */
class CaseFileReaderTest {

  @Test
  void aCsvWithByteOrderMarkSemicolonsQuotesAndBlankRows() throws Exception {
    byte[] csv =
        ("\uFEFFstudy_code;site_code;comorbidities\r\n"
                + "BN1;BVE;\"Tăng huyết áp; đái tháo đường\"\r\n"
                + ";;\r\n"
                + "BN2;BVTN;\r\n"
                + "\r\n;;\r\n")
            .getBytes(StandardCharsets.UTF_8);
    List<RawSheet> sheets = CaseFileReader.read("export.csv", csv);
    assertThat(sheets)
        .singleElement()
        .satisfies(
            sheet -> {
              assertThat(sheet.name()).isEqualTo("cases");
              assertThat(sheet.header())
                  .containsExactly("study_code", "site_code", "comorbidities");
              assertThat(sheet.rows()).extracting(RawSheet.Row::number).containsExactly(2, 4);
              assertThat(sheet.rows().get(0).cells())
                  .containsExactly("BN1", "BVE", "Tăng huyết áp; đái tháo đường");
            });
  }

  @Test
  void commasWithoutByteOrderMark() throws Exception {
    RawSheet sheet =
        CaseFileReader.csv(
            "cases.csv",
            "study_code,bmi_entered\nBN1,\"18,32\"\n".getBytes(StandardCharsets.UTF_8));
    assertThat(sheet.rows().get(0).cells()).containsExactly("BN1", "18,32");
  }

  @Test
  void aZipOfCsvFilesIsOneSheetPerFile() throws Exception {
    ImportFiles.Book book =
        new ImportFiles.Book()
            .sheet("cases", List.of("study_code", "site_code"))
            .sheet("nodes", List.of("study_code", "node_field"));
    book.row("cases", List.of("BN1", "BVE"));
    book.row("nodes", List.of("BN1", "THORACIC"));
    List<RawSheet> sheets = CaseFileReader.read("upload.zip", ImportFiles.zip(book, ';', true));
    assertThat(sheets).extracting(RawSheet::name).containsExactly("cases.csv", "nodes.csv");
    assertThat(sheets.get(1).rows().get(0).cells()).containsExactly("BN1", "THORACIC");
  }

  @Test
  void workbookCellsComeBackAsPlainNumbersAndIsoDates() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("Cases");
      XSSFRow header = sheet.createRow(0);
      String[] names = {
        "study_code", "bmi_entered", "age_years", "operation_date", "comorbidities"
      };
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      XSSFCellStyle dayFirst = workbook.createCellStyle();
      dayFirst.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
      XSSFCellStyle twoDecimals = workbook.createCellStyle();
      twoDecimals.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
      XSSFRow row = sheet.createRow(3);
      row.createCell(0).setCellValue(1);
      XSSFCell bmi = row.createCell(1);
      bmi.setCellValue(18.3);
      bmi.setCellStyle(twoDecimals);
      row.createCell(2).setCellValue(62);
      XSSFCell date = row.createCell(3);
      date.setCellValue(LocalDate.of(2022, 3, 10));
      date.setCellStyle(dayFirst);
      row.createCell(4).setCellFormula("\"COPD\"&\"\"");
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
      workbook.write(out);
      xlsx = out.toByteArray();
    }
    List<RawSheet> sheets = CaseFileReader.read("cases.xlsx", xlsx);
    assertThat(sheets)
        .singleElement()
        .satisfies(
            sheet -> {
              assertThat(sheet.name()).isEqualTo("Cases");
              assertThat(sheet.rows())
                  .singleElement()
                  .satisfies(
                      row -> {
                        assertThat(row.number()).isEqualTo(4);
                        assertThat(row.cells())
                            .containsExactly("1", "18.3", "62", "2022-03-10", "COPD");
                      });
            });
  }

  @Test
  void filesThatCannotBeReadSayWhy() {
    assertThatThrownBy(
            () ->
                CaseFileReader.read(
                    "old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}))
        .isInstanceOfSatisfying(
            UnreadableFileException.class,
            e -> assertThat(e.messageKey()).isEqualTo("import.file.xls"));
    byte[] windows1258 = {
      's', 't', 'u', 'd', 'y', '_', 'c', 'o', 'd', 'e', '\n', 'B', 'N', (byte) 0xD0, '\n'
    };
    assertThatThrownBy(() -> CaseFileReader.read("cases.csv", windows1258))
        .isInstanceOfSatisfying(
            UnreadableFileException.class,
            e -> assertThat(e.messageKey()).isEqualTo("import.file.not-utf8"));
    assertThatThrownBy(
            () ->
                CaseFileReader.read(
                    "nodes.csv", "study_code\nBN1\n".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            UnreadableFileException.class,
            e -> assertThat(e.messageKey()).isEqualTo("import.file.single-csv-not-cases"));
    assertThatThrownBy(() -> CaseFileReader.read("cases.csv", new byte[0]))
        .isInstanceOfSatisfying(
            UnreadableFileException.class,
            e -> assertThat(e.messageKey()).isEqualTo("import.file.empty"));
  }

  @Test
  void moreRowsThanTheLimitAreRefused() {
    StringBuilder csv = new StringBuilder("study_code\n");
    for (int i = 0; i <= CaseFileFormat.MAX_ROWS; i++) {
      csv.append("C").append(i).append('\n');
    }
    assertThatThrownBy(
            () -> CaseFileReader.read("cases.csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            UnreadableFileException.class,
            e -> assertThat(e.messageKey()).isEqualTo("import.file.too-many-rows"));
  }
}
