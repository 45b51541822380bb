package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV files in the import format cannot run formulas in a spreadsheet, and still round-trip. */
class CaseFileFormatTest {

  @Test
  void formulaLikeTextIsNeutralisedAndReadBackExactly() {
    for (String risky :
        new String[] {"=HYPERLINK(\"http://x\")", "+1+1", "-cmd", "@SUM(A1)", "\tx", "\rx"}) {
      String written = CaseFileFormat.neutralised(risky);
      assertThat(written).startsWith("'");
      assertThat(CaseFileFormat.restored(written)).isEqualTo(risky);
    }
  }

  @Test
  void numbersAndOrdinaryTextStayAsTheyAre() {
    for (String plain :
        new String[] {"-1.5", "+2", "18,52", "BN6", "Tăng huyết áp", "'quoted", ""}) {
      assertThat(CaseFileFormat.neutralised(plain)).isEqualTo(plain);
      assertThat(CaseFileFormat.restored(plain)).isEqualTo(plain);
    }
  }
}
