package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.caseregistry.account.Account;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.site.HospitalSiteRepository;
import org.caseregistry.testing.browser.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A coordinator opens the seed series' per-patient tables from the series page, switches to
 * Vietnamese, downloads the XLSX, and finds the overall mean age in a numeric cell.
 */
class ReportBrowserTest extends BrowserTestSupport {

  @Autowired TestAccounts testAccounts;
  @Autowired HospitalSiteRepository sites;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aCoordinatorOpensTheTablesSwitchesLanguageAndDownloadsTheXlsx() throws Exception {
    Account coordinator =
        testAccounts.account(
            Role.COORDINATOR,
            sites.findByCodeIgnoreCase("BVE").orElseThrow(),
            sites.findByCodeIgnoreCase("BVTN").orElseThrow());
    long series =
        jdbc.queryForObject(
            "select id from case_series where title = ?",
            Long.class,
            ReportGoldenIntegrationTest.DEMO_TITLE);

    signIn(coordinator.getUsername(), TestAccounts.PASSWORD);
    open("/series/" + series + "/cases");
    clickAndWait("series-reports");
    assertThat(byId("link-patients").isDisplayed()).isTrue();
    clickAndWait("link-patients");
    assertThat(heading()).isEqualTo("Per-patient tables");
    String table1 = byId("patients-preoperative").getText();
    assertThat(table1)
        .contains("Table 1: Preoperative characteristics of the patients")
        .contains("BN1")
        .contains("BN6")
        .contains("57.5")
        .contains("cT2N0M0");
    assertThat(byId("patients-postoperative").getText()).contains("7.2");
    assertThat(exists(By.id("print"))).isTrue();

    clickAndWait("lang-vi");
    assertThat(heading()).isEqualTo("Bảng theo từng bệnh nhân");
    assertThat(byId("patients-preoperative").getText())
        .contains("Bảng 1: Đặc điểm chung của bệnh nhân trước khi phẫu thuật")
        .contains("Tuổi (năm)")
        .contains("57,5")
        .contains("Chung");

    byId("download-xlsx").click();
    Path xlsx = downloaded(".xlsx");
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet table = workbook.getSheetAt(0);
      Row age = null;
      for (Row row : table) {
        if (row.getCell(0) != null && "Tuổi (năm)".equals(row.getCell(0).getStringCellValue())) {
          age = row;
        }
      }
      assertThat(age).as("the age row of Table 1").isNotNull();
      assertThat(age.getCell(1).getNumericCellValue()).isEqualTo(62.0);
      assertThat(age.getCell(7).getNumericCellValue()).isEqualTo(57.5);
    }
  }
}
