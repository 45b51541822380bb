package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.AttributeList;
import org.caseregistry.cases.CaseWarning;
import org.caseregistry.importing.CaseFileFormat.Sheet;
import org.junit.jupiter.api.Test;

/**
 * A stored report reads back as it was written, and nothing but a report's own kinds of objects.
 */
class ImportUploadsTest {

  @Test
  void aReportWithEveryKindOfPartReadsBackEqual() {
    Map<String, Integer> rows = new LinkedHashMap<>();
    rows.put(Sheet.CASES.sheetName(), 3);
    ImportReport report =
        new ImportReport(
            "cases.csv",
            true,
            false,
            List.of(ImportProblem.of("cases", 2, "age_years", "x", "import.key", 5, "text")),
            List.of(
                new ImportReport.WarningRow(
                    "cases", 3, "BN1", new CaseWarning("w", "bmi", "warning.w", List.of(1.5)))),
            List.of(ImportNote.of(null, "import.note", new BigDecimal("2.5"))),
            1,
            2,
            3,
            List.of(new ImportReport.UpdatedCase("BN1", 3, List.of("age_years"))),
            rows);
    assertThat(ImportUploads.deserialize(ImportUploads.serialize(report))).isEqualTo(report);
  }

  @Test
  void anythingElseStoredInTheColumnIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new AttributeList());
    }
    assertThatThrownBy(() -> ImportUploads.deserialize(bytes.toByteArray()))
        .isInstanceOf(IllegalStateException.class);
  }
}
