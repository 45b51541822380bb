package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text a spreadsheet would run as a formula is neutralised; numbers stay numbers. */
class CsvCellsTest {

  @Test
  void formulaStartsGetAnApostrophe() {
    assertThat(CsvCells.safe("=HYPERLINK(\"http://x\",\"y\")"))
        .isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
    assertThat(CsvCells.safe("+1+cmd")).isEqualTo("'+1+cmd");
    assertThat(CsvCells.safe("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.safe("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvCells.safe("\r=1")).isEqualTo("'\r=1");
  }

  @Test
  void numbersAndOrdinaryTextStayAsTheyAre() {
    assertThat(CsvCells.safe("-1.5")).isEqualTo("-1.5");
    assertThat(CsvCells.safe("+3")).isEqualTo("+3");
    assertThat(CsvCells.safe("-2,5")).isEqualTo("-2,5");
    assertThat(CsvCells.safe("57.5")).isEqualTo("57.5");
    assertThat(CsvCells.safe("Tăng huyết áp")).isEqualTo("Tăng huyết áp");
    assertThat(CsvCells.safe("5 (83.3)")).isEqualTo("5 (83.3)");
    assertThat(CsvCells.safe("–")).isEqualTo("–");
    assertThat(CsvCells.safe("")).isEmpty();
    assertThat(CsvCells.safe(null)).isNull();
  }
}
