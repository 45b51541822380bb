package org.caseregistry.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The afternoon the issue promises: a REDCap project's dictionary becomes the series' form, and its
 * flat record export (check boxes, dates in the dictionary's format) imports into the custom
 * sections with the case import's dry run and all-or-nothing commit.
 */
@IntegrationTest
class RedcapCustomRecordsIntegrationTest {

  @Autowired RedcapService redcap;
  @Autowired RedcapRecordService records;
  @Autowired CaseService caseService;
  @Autowired CaseFixtures fixtures;
  @Autowired TestAccounts testAccounts;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        RedcapCustomRecordsIntegrationTest.class.getResourceAsStream("/redcap/" + name)) {
      return in.readAllBytes();
    }
  }

  /** The export without the record (a line starting with a record id) that holds the text. */
  private static byte[] withoutRecordHolding(byte[] export, String text) {
    String[] lines = new String(export, StandardCharsets.UTF_8).split("\n", -1);
    StringBuilder kept = new StringBuilder();
    boolean skipping = false;
    for (String line : lines) {
      if (line.matches("^E\\d+,.*")) {
        skipping = line.contains(text);
      }
      if (!skipping && !line.isEmpty()) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aRedcapProjectComesOverWithItsRecordsInTheCustomSections() throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    CurrentAccount admin = new CurrentAccount(0, "admin", "Admin", Role.ADMIN, Set.of());
    byte[] dictionary = resource("ecmo-dictionary.csv");
    RedcapService.Outcome checked = redcap.check(series.getId(), dictionary, admin);
    assertThat(checked.applicable()).isTrue();
    RedcapService.Outcome applied =
        redcap.apply(series.getId(), dictionary, checked.baseVersion(), admin);
    assertThat(applied.saved()).isTrue();
    RedcapRecordService.Options options =
        new RedcapRecordService.Options(
            RecordExportConverter.SiteChoice.forWholeFile(site.getCode()), true, false);
    // The export holds a code outside the allergen's choices: the dry run names it, and the
    // commit writes nothing at all.
    byte[] export = resource("ecmo-records.csv");
    RedcapRecordService.Outcome dryRun = records.check(series.getId(), export, options, admin);
    assertThat(dryRun.report().problems())
        .extracting(problem -> problem.column() + "=" + problem.value())
        .containsExactly("allergen=7");
    assertThat(records.commit(series.getId(), export, options, admin).written()).isFalse();
    assertThat(caseService.casesOfSeries(series.getId(), CaseFixtures.system())).isEmpty();
    // Without that record, every other one comes over.
    byte[] fixed = withoutRecordHolding(export, ",7,");
    RedcapRecordService.Outcome written = records.commit(series.getId(), fixed, options, admin);
    assertThat(written.report().problems()).isEmpty();
    assertThat(written.written()).isTrue();
    var stored = caseService.casesOfSeries(series.getId(), CaseFixtures.system());
    assertThat(stored).isNotEmpty();
    var first =
        stored.stream().filter(c -> c.header().studyCode().equals("E01")).findFirst().orElseThrow();
    // Some custom section holds the record's values: the allergen code and the check boxes.
    boolean found = false;
    for (SectionValues values : first.data().custom().singles().values()) {
      if ("3".equals(values.get("allergen"))) {
        found = true;
        assertThat(values.get("vasopressors")).isEqualTo(List.of("1", "2"));
      }
    }
    assertThat(found).as("the allergen of E01 in a custom section").isTrue();
  }
}
