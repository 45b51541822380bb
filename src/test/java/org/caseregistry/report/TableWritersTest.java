package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableWritersTest {

  @Test
  void sheetNamesAreCutAtAWordWithinExcelsThirtyOneCharacters() {
    assertThat(TableWriters.readableSheetName("Table 1: Preoperative characteristics"))
        .isEqualTo("Table 1 Preoperative");
    assertThat(TableWriters.readableSheetName("Table 3: Postoperative results"))
        .isEqualTo("Table 3 Postoperative results");
    assertThat(
            TableWriters.readableSheetName(
                "Bảng 1: Đặc điểm chung của bệnh nhân trước khi phẫu thuật"))
        .isEqualTo("Bảng 1 Đặc điểm chung của bệnh");
    assertThat(TableWriters.readableSheetName("Summary [by site] / 2022?")).hasSizeLessThan(32);
    assertThat(TableWriters.readableSheetName("x".repeat(40))).hasSize(31);
  }
}
