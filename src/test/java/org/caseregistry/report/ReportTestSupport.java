package org.caseregistry.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reading exports back with real parsers. */
final class ReportTestSupport {

  private ReportTestSupport() {}

  /** The records of a UTF-8 CSV that starts with a byte-order mark. */
  static List<CSVRecord> csv(byte[] bytes) throws IOException {
    if (bytes.length < 3
        || (bytes[0] & 0xFF) != 0xEF
        || (bytes[1] & 0xFF) != 0xBB
        || (bytes[2] & 0xFF) != 0xBF) {
      throw new AssertionError("CSV without a UTF-8 byte-order mark");
    }
    return CSVFormat.DEFAULT
        .parse(
            new InputStreamReader(
                new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8))
        .getRecords();
  }

  /** The entries of a ZIP by name. */
  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  /** A CSV with a header row as maps from column to value, one per record. */
  static List<Map<String, String>> table(byte[] bytes) throws IOException {
    List<CSVRecord> records = csv(bytes);
    List<String> header = records.get(0).toList();
    return records.stream()
        .skip(1)
        .map(
            record -> {
              Map<String, String> row = new LinkedHashMap<>();
              for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
              }
              return row;
            })
        .toList();
  }
}
