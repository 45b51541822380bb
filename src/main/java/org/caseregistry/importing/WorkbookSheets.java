package org.caseregistry.importing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an XLSX workbook sheet by sheet and row by row into a {@link SheetRows} as a stream:
 * written to a temporary file and parsed part by part, never unpacked into memory. Cells come back
 * as text: numbers in plain notation, date cells as ISO dates; blank rows are skipped; a sheet
 * beyond {@link CaseFileFormat#MAX_ROWS} rows or a cell beyond {@link CaseFileFormat#MAX_COLUMNS}
 * columns is refused before it is held.
 */
final class WorkbookSheets {

  private WorkbookSheets() {}

  static void read(byte[] bytes, SheetRows sink) throws UnreadableFileException {
    Path file;
    try {
      file = Files.createTempFile("registry-import-", ".xlsx");
      Files.write(file, bytes);
    } catch (IOException cannotWrite) {
      throw new UncheckedIOException(cannotWrite);
    }
    try {
      workbook(file.toFile(), sink);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        file.toFile().deleteOnExit();
      }
    }
  }

  /**
   * Opened from a file, the package reads each part from the ZIP as it is parsed; opened from a
   * stream, POI would unpack every part into memory first.
   */
  private static void workbook(File file, SheetRows sink) throws UnreadableFileException {
    try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      XSSFReader reader = new XSSFReader(pkg);
      StylesTable styles = reader.getStylesTable();
      XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (iterator.hasNext()) {
        try (InputStream sheetXml = iterator.next()) {
          String name = iterator.getSheetName();
          sink.sheet(name);
          SheetCollector collector = new SheetCollector(sink);
          XMLReader parser = SAXHelper.newXMLReader();
          parser.setContentHandler(
              new XSSFSheetXMLHandler(
                  styles, null, strings, collector, new PlainFormatter(), false));
          try {
            parser.parse(new InputSource(sheetXml));
          } catch (TooManyRows tooMany) {
            throw new UnreadableFileException(
                "import.file.too-many-rows", name, CaseFileFormat.MAX_ROWS);
          } catch (TooManyColumns tooMany) {
            throw new UnreadableFileException(
                "import.file.too-many-columns", name, tooMany.cell, CaseFileFormat.MAX_COLUMNS);
          }
        }
      }
    } catch (UnreadableFileException unreadable) {
      throw unreadable;
    } catch (RowSpool.Failure notSpooled) {
      throw notSpooled;
    } catch (IOException
        | OpenXML4JException
        | SAXException
        | ParserConfigurationException
        | RuntimeException broken) {
      throw new UnreadableFileException("import.file.broken-xlsx");
    }
  }

  private static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super(null, null, false, false);
    }
  }

  private static final class TooManyColumns extends RuntimeException {
    private final String cell;

    TooManyColumns(String cell) {
      super(null, null, false, false);
      this.cell = cell;
    }
  }

  /** Hands on the rows of one sheet as the streaming parser reports them. */
  private static final class SheetCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
    private final SheetRows sink;
    private boolean headerSeen;
    private int rows;
    private SparseCells current;

    SheetCollector(SheetRows sink) {
      this.sink = sink;
    }

    @Override
    public void startRow(int rowNum) {
      current = new SparseCells();
    }

    @Override
    public void endRow(int rowNum) {
      if (current.isBlank()) {
        return;
      }
      if (!headerSeen) {
        headerSeen = true;
        sink.header(current);
        return;
      }
      if (rows++ >= CaseFileFormat.MAX_ROWS) {
        throw new TooManyRows();
      }
      sink.row(new RawSheet.Row(rowNum + 1, current));
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      int column = new CellReference(cellReference).getCol();
      if (column >= CaseFileFormat.MAX_COLUMNS
          && formattedValue != null
          && !formattedValue.isBlank()) {
        throw new TooManyColumns(cellReference);
      }
      if (column < CaseFileFormat.MAX_COLUMNS) {
        current.put(column, formattedValue);
      }
    }
  }

  /**
   * Numbers in plain notation ("18.32", "45"), date cells as ISO dates, whatever the display
   * format.
   */
  private static final class PlainFormatter extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).toLocalDate().toString();
      }
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }
}
