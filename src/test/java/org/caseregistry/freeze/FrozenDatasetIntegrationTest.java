package org.caseregistry.freeze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A frozen dataset keeps its files byte for byte, whatever changes later: checksums match what was
 * listed, edits to the cases do not reach it, nothing can change its stored bytes, and it can only
 * be withdrawn, with a reason.
 */
@IntegrationTest
class FrozenDatasetIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired TestAccounts testAccounts;
  @Autowired CaseFixtures fixtures;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aFrozenDatasetDownloadedAfterLaterEditsIsIdenticalAndOnlyWithdrawnWithAReason()
      throws Exception {
    HospitalSite site = testAccounts.site();
    CaseSeries series = fixtures.series(site);
    long caseId = fixtures.newCase(series, site);
    fixtures.save(caseId, Section.PATIENT, Map.of("sex", "MALE", "age_years", "60"));
    SignedInAccount coordinator =
        TestAccounts.principal(testAccounts.account(Role.COORDINATOR, site));
    String base = "/series/" + series.getId() + "/frozen";

    mvc.perform(post(base).param("name", " ").with(csrf()).with(user(coordinator)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"freeze-name-error\"")));
    String location =
        mvc.perform(
                post(base)
                    .param("name", "Submission to the journal, 2026-12")
                    .with(csrf())
                    .with(user(coordinator)))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long datasetId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    mvc.perform(
            post(base)
                .param("name", "submission to the journal, 2026-12")
                .with(csrf())
                .with(user(coordinator)))
        .andExpect(status().isOk());
    assertThat(count("select count(*) from frozen_dataset where series_id = ?", series.getId()))
        .isEqualTo(1);

    List<Map<String, Object>> files =
        jdbc.queryForList(
            "select name, sha256, size_bytes from frozen_dataset_file where dataset_id = ?"
                + " order by name",
            datasetId);
    assertThat(files)
        .extracting(row -> row.get("name"))
        .containsExactly("dataset.zip", "patient-tables.csv", "summary.csv");
    assertThat(
            jdbc.queryForList(
                "select study_code from frozen_dataset_case where dataset_id = ?",
                String.class,
                datasetId))
        .hasSize(1);
    Map<String, byte[]> before = new HashMap<>();
    for (Map<String, Object> file : files) {
      byte[] bytes = download(base + "/" + datasetId + "/files/" + file.get("name"), coordinator);
      assertThat(FrozenDatasetService.sha256(bytes)).isEqualTo(file.get("sha256"));
      assertThat((long) bytes.length).isEqualTo(((Number) file.get("size_bytes")).longValue());
      before.put((String) file.get("name"), bytes);
    }

    // Later edits change the live export, never the frozen one.
    fixtures.save(caseId, Section.PATIENT, Map.of("sex", "FEMALE", "age_years", "71"));
    byte[] liveSummary =
        download("/series/" + series.getId() + "/reports/summary.csv", coordinator);
    assertThat(liveSummary).isNotEqualTo(before.get("summary.csv"));
    for (Map<String, Object> file : files) {
      byte[] again = download(base + "/" + datasetId + "/files/" + file.get("name"), coordinator);
      assertThat(again).as((String) file.get("name")).isEqualTo(before.get(file.get("name")));
      assertThat(FrozenDatasetService.sha256(again)).isEqualTo(file.get("sha256"));
    }
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "update frozen_dataset_file set content = '\\x00' where dataset_id = ?",
                    datasetId))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("never changed");

    // Others: surgeons may not, another site's coordinator sees nothing.
    mvc.perform(
            get(base + "/" + datasetId)
                .with(user(TestAccounts.principal(testAccounts.account(Role.SURGEON, site)))))
        .andExpect(status().isForbidden());
    mvc.perform(
            get(base + "/" + datasetId + "/files/dataset.zip")
                .with(
                    user(
                        TestAccounts.principal(
                            testAccounts.account(Role.COORDINATOR, testAccounts.site())))))
        .andExpect(status().isNotFound());

    mvc.perform(
            post(base + "/" + datasetId + "/withdraw")
                .param("reason", "")
                .with(csrf())
                .with(user(coordinator)))
        .andExpect(status().is3xxRedirection());
    assertThat(datasetStatus(datasetId)).isEqualTo("ACTIVE");
    mvc.perform(
            post(base + "/" + datasetId + "/withdraw")
                .param("reason", "Numbers superseded by the revision")
                .with(csrf())
                .with(user(coordinator)))
        .andExpect(status().is3xxRedirection());
    assertThat(datasetStatus(datasetId)).isEqualTo("WITHDRAWN");
    assertThat(
            jdbc.queryForObject(
                "select withdrawal_reason from frozen_dataset where id = ?",
                String.class,
                datasetId))
        .isEqualTo("Numbers superseded by the revision");
    // Withdrawn, still there and still identical, for the record.
    assertThat(download(base + "/" + datasetId + "/files/dataset.zip", coordinator))
        .isEqualTo(before.get("dataset.zip"));
  }

  private byte[] download(String path, SignedInAccount account) throws Exception {
    return mvc.perform(get(path).with(user(account)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private String datasetStatus(long datasetId) {
    return jdbc.queryForObject(
        "select status from frozen_dataset where id = ?", String.class, datasetId);
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }
}
