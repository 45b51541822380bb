package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

/**
 * Hostile workbooks and CSV files cost time and memory in proportion to the cells that hold values,
 * and a cell beyond the format's columns is refused with a message. Memory is measured as the bytes
 * the reading thread allocates (so a reader that pads every row to its last column fails here even
 * when the heap would survive it).
 */
class CaseFileReaderLimitsTest {

  /** Far more than reading these files needs, far less than padding 20,000 rows to 32,767. */
  private static final long ALLOCATION_BOUND = 150L * 1024 * 1024;

  private static final Duration TIME_BOUND = Duration.ofSeconds(30);

  @Test
  void aValueFarToTheRightInEveryRowIsRefusedInBoundedTimeAndMemory() {
    byte[] workbook = farRightWorkbook(20_000, "x");
    assertThat(workbook.length).isLessThan(1024 * 1024);
    Measured measured = measure(() -> CaseFileReader.read("far-right.xlsx", workbook));
    assertThat(measured.refusal()).isNotNull();
    assertThat(measured.refusal().messageKey()).isEqualTo("import.file.too-many-columns");
    assertThat(measured.refusal().arguments())
        .containsExactly("cases", "AVLH2", CaseFileFormat.MAX_COLUMNS);
    assertThat(measured.allocated()).isLessThan(ALLOCATION_BOUND);
  }

  @Test
  void emptyCellsFarToTheRightCostNothing() {
    byte[] workbook = farRightWorkbook(20_000, "");
    Measured measured = measure(() -> CaseFileReader.read("far-right-empty.xlsx", workbook));
    assertThat(measured.refusal()).isNull();
    assertThat(measured.sheets()).singleElement().satisfies(s -> assertThat(s.rows()).isEmpty());
    assertThat(measured.allocated()).isLessThan(ALLOCATION_BOUND);
  }

  @Test
  void manyWideRowsAreRefusedInBoundedTimeAndMemory() {
    byte[] workbook = wideRowsWorkbook(2_000, 400);
    Measured measured = measure(() -> CaseFileReader.read("wide.xlsx", workbook));
    assertThat(measured.refusal()).isNotNull();
    assertThat(measured.refusal().messageKey()).isEqualTo("import.file.too-many-columns");
    assertThat(measured.allocated()).isLessThan(ALLOCATION_BOUND);
  }

  @Test
  void wideRowsWithinTheBoundAreRead() {
    byte[] workbook = wideRowsWorkbook(500, CaseFileFormat.MAX_COLUMNS);
    Measured measured = measure(() -> CaseFileReader.read("wide.xlsx", workbook));
    assertThat(measured.refusal()).isNull();
    RawSheet sheet = measured.sheets().get(0);
    assertThat(sheet.rows()).hasSize(499);
    assertThat(sheet.rows().get(0).cell(CaseFileFormat.MAX_COLUMNS - 1)).isEqualTo("v");
  }

  @Test
  void aCsvLineOfAMillionSeparatorsIsRefusedBeforeItIsHeld() {
    StringBuilder csv = new StringBuilder("study_code,site_code\nBN1,BVE");
    csv.append(",".repeat(1_000_000)).append("x\n");
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    Measured measured = measure(() -> CaseFileReader.read("cases.csv", bytes));
    assertThat(measured.refusal()).isNotNull();
    assertThat(measured.refusal().messageKey()).isEqualTo("import.file.too-many-fields");
    assertThat(measured.refusal().arguments())
        .containsExactly("cases.csv", 2, CaseFileFormat.MAX_COLUMNS);
    // The decoded text itself is 2 bytes per character; the cells are never made.
    assertThat(measured.allocated()).isLessThan(ALLOCATION_BOUND);
  }

  @Test
  void separatorsInsideQuotesAreNotFields() throws Exception {
    String text = "study_code,comorbidities\nBN1,\"" + ",".repeat(1_000) + "\"\n";
    RawSheet sheet = CaseFileReader.csv("cases.csv", text.getBytes(StandardCharsets.UTF_8));
    assertThat(sheet.rows().get(0).cells()).containsExactly("BN1", ",".repeat(1_000));
  }

  @Test
  void theColumnBoundIsTheFormatPlusAMargin() {
    assertThat(CaseFileFormat.MAX_COLUMNS)
        .isEqualTo(CaseFileFormat.columns(CaseFileFormat.Sheet.CASES, true).size() + 100);
    assertThatThrownBy(() -> new SparseCells().get(0))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  private record Measured(List<RawSheet> sheets, UnreadableFileException refusal, long allocated) {}

  private interface Read {
    List<RawSheet> read() throws UnreadableFileException;
  }

  private static Measured measure(Read read) {
    return assertTimeoutPreemptively(
        TIME_BOUND,
        () -> {
          ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
          long before = threads.getCurrentThreadAllocatedBytes();
          List<RawSheet> sheets = null;
          UnreadableFileException refusal = null;
          try {
            sheets = read.read();
          } catch (UnreadableFileException refused) {
            refusal = refused;
          }
          return new Measured(sheets, refusal, threads.getCurrentThreadAllocatedBytes() - before);
        });
  }

  /** A cases sheet whose every row holds one inline string in column AVLH (32,768). */
  static byte[] farRightWorkbook(int rows, String text) {
    StringBuilder xml = new StringBuilder(sheetStart());
    xml.append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>study_code</t></is></c></row>");
    for (int r = 2; r <= rows + 1; r++) {
      xml.append("<row r=\"").append(r).append("\"><c r=\"AVLH").append(r);
      xml.append("\" t=\"inlineStr\"><is><t>").append(text).append("</t></is></c></row>");
    }
    return workbook(xml.append(sheetEnd()).toString());
  }

  /** A cases sheet of rows that each hold a value in each of the first {@code width} columns. */
  static byte[] wideRowsWorkbook(int rows, int width) {
    StringBuilder xml = new StringBuilder(sheetStart());
    for (int r = 1; r <= rows; r++) {
      xml.append("<row r=\"").append(r).append("\">");
      for (int c = 0; c < width; c++) {
        xml.append("<c r=\"").append(CellReference.convertNumToColString(c)).append(r);
        xml.append("\" t=\"inlineStr\"><is><t>").append(r == 1 ? "c" + c : "v");
        xml.append("</t></is></c>");
      }
      xml.append("</row>");
    }
    return workbook(xml.append(sheetEnd()).toString());
  }

  private static String sheetStart() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<sheetData>";
  }

  private static String sheetEnd() {
    return "</sheetData></worksheet>";
  }

  private static byte[] workbook(String sheetXml) {
    String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    String pkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";
    String types =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\""
            + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "</Types>";
    String rootRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
            + pkgRel
            + "\"><Relationship Id=\"rId1\" Type=\""
            + rel
            + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    String workbook =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
            + main
            + "\" xmlns:r=\""
            + rel
            + "\"><sheets><sheet name=\"cases\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    String workbookRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
            + pkgRel
            + "\"><Relationship Id=\"rId1\" Type=\""
            + rel
            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "[Content_Types].xml", types);
      entry(zip, "_rels/.rels", rootRels);
      entry(zip, "xl/workbook.xml", workbook);
      entry(zip, "xl/_rels/workbook.xml.rels", workbookRels);
      entry(zip, "xl/worksheets/sheet1.xml", sheetXml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
