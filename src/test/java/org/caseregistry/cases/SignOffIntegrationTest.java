package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.stream.Collectors;
import org.caseregistry.account.Account;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.api.ApiTestTokens;
import org.caseregistry.catalog.Section;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.query.QueryService;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sign-off of a case per role and site: complete (refused with every reason while a required
 * section is empty or a query is open), verified, locked (read-only for forms and the API),
 * unlocked only by an admin with a reason; every step audited.
 */
@IntegrationTest
class SignOffIntegrationTest {

  @Autowired SignOffService signOffs;
  @Autowired CaseService cases;
  @Autowired QueryService queries;
  @Autowired CaseFixtures fixtures;
  @Autowired TestAccounts testAccounts;
  @Autowired ApiTestTokens tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  HospitalSite site;
  CaseSeries series;
  Account surgeonAccount;
  Account coordinatorAccount;
  CurrentAccount surgeon;
  CurrentAccount coordinator;
  CurrentAccount otherSurgeon;
  CurrentAccount admin;

  @BeforeEach
  void aSeries() {
    site = testAccounts.site();
    HospitalSite other = testAccounts.site();
    series = fixtures.series(site, other);
    surgeonAccount = testAccounts.account(Role.SURGEON, site);
    coordinatorAccount = testAccounts.account(Role.COORDINATOR, site);
    surgeon = current(surgeonAccount);
    coordinator = current(coordinatorAccount);
    otherSurgeon = current(testAccounts.account(Role.SURGEON, other));
    admin = current(testAccounts.account(Role.ADMIN));
  }

  static CurrentAccount current(Account account) {
    return new CurrentAccount(
        account.getId(),
        account.getUsername(),
        account.getFullName(),
        account.getRole(),
        account.getSites().stream().map(HospitalSite::getId).collect(Collectors.toSet()));
  }

  private long fullCase() {
    long caseId = fixtures.newCase(series, site);
    fixtures.save(caseId, Section.PATIENT, Map.of("sex", "MALE", "age_years", "60"));
    fixtures.save(caseId, Section.TUMOUR, Map.of("tumour_location", "MIDDLE_THIRD"));
    fixtures.save(caseId, Section.NEOADJUVANT, Map.of("neoadjuvant_therapy", "NONE"));
    fixtures.save(caseId, Section.OPERATION, Map.of("blood_loss_ml", "200"));
    fixtures.save(caseId, Section.POSTOP, Map.of("oral_intake_pod", "5"));
    fixtures.save(caseId, Section.PATHOLOGY, Map.of("grade", "G2"));
    return caseId;
  }

  private static String keys(SignOffService.RefusedException refused) {
    return refused.reasons().stream()
        .map(reason -> reason.messageKey() + reason.arguments())
        .collect(Collectors.joining(";"));
  }

  @Test
  void completeIsRefusedWithEveryReasonWhileSectionsAreEmptyOrAQueryIsOpen() {
    long caseId = fixtures.newCase(series, site);
    fixtures.save(caseId, Section.PATIENT, Map.of("sex", "MALE"));
    assertThatThrownBy(() -> signOffs.markComplete(caseId, surgeon))
        .isInstanceOfSatisfying(
            SignOffService.RefusedException.class,
            refused ->
                assertThat(keys(refused))
                    .isEqualTo(
                        "signoff.blocker.section-empty[TUMOUR];"
                            + "signoff.blocker.section-empty[NEOADJUVANT];"
                            + "signoff.blocker.section-empty[OPERATION];"
                            + "signoff.blocker.section-empty[POSTOP];"
                            + "signoff.blocker.section-empty[PATHOLOGY]"));

    long full = fullCase();
    long queryId =
        queries
            .open(full, new QueryService.OpenRequest(null, null, null, "Sure?", null), coordinator)
            .queryId();
    assertThatThrownBy(() -> signOffs.markComplete(full, surgeon))
        .isInstanceOfSatisfying(
            SignOffService.RefusedException.class,
            refused -> assertThat(keys(refused)).isEqualTo("signoff.blocker.open-queries[1]"));
    queries.answer(queryId, "Yes.", null, surgeon);
    signOffs.markComplete(full, surgeon);
    assertThat(signOffs.state(full, surgeon).state()).isEqualTo(SignOff.COMPLETE);
  }

  @Test
  void eachStepIsForItsRoleAndSiteAndAuditedAndALockedCaseIsReadOnly() throws Exception {
    long caseId = fullCase();
    assertThatThrownBy(() -> signOffs.markComplete(caseId, coordinator))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> signOffs.markComplete(caseId, otherSurgeon))
        .isInstanceOf(NotFoundException.class);
    signOffs.markComplete(caseId, surgeon);
    assertThatThrownBy(() -> signOffs.markVerified(caseId, surgeon))
        .isInstanceOf(AccessDeniedException.class);
    signOffs.markVerified(caseId, coordinator);
    assertThatThrownBy(() -> signOffs.lock(caseId, surgeon))
        .isInstanceOf(AccessDeniedException.class);
    signOffs.lock(caseId, coordinator);
    assertThat(signOffs.state(caseId, surgeon).state()).isEqualTo(SignOff.LOCKED);

    // Read-only for everyone: service, form, API.
    assertThatThrownBy(() -> fixtures.save(caseId, Section.PATIENT, Map.of("sex", "FEMALE")))
        .isInstanceOf(CaseLockedException.class);
    mvc.perform(
            post("/cases/" + caseId + "/sections/patient")
                .param("values[sex]", "FEMALE")
                .param("version", "1")
                .with(csrf())
                .with(user(TestAccounts.principal(surgeonAccount))))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/cases/" + caseId + "/sections/patient")
                .with(user(TestAccounts.principal(surgeonAccount))))
        .andExpect(status().isForbidden());
    mvc.perform(get("/cases/" + caseId).with(user(TestAccounts.principal(surgeonAccount))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("id=\"sign-off-badge\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"edit-patient\""))));
    mvc.perform(
            put("/api/v1/cases/" + caseId + "/sections/patient")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"values\": {\"sex\": \"FEMALE\"}, \"missing\": {}, \"version\": 1}")
                .with(bearer(tokens.issue(surgeonAccount))))
        .andExpect(status().isForbidden());
    assertThatThrownBy(() -> cases.withdraw(caseId, "consent", coordinator))
        .isInstanceOf(CaseLockedException.class);
    assertThat(cases.view(caseId, surgeon).data().single(Section.PATIENT).get("sex"))
        .isEqualTo("MALE");

    // Unlocking: admins only, with a reason.
    assertThatThrownBy(() -> signOffs.unlock(caseId, "typo", coordinator))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> signOffs.unlock(caseId, " ", admin))
        .isInstanceOfSatisfying(
            SignOffService.RefusedException.class,
            refused -> assertThat(keys(refused)).isEqualTo("signoff.unlock.reason-required[]"));
    signOffs.unlock(caseId, "Wrong sex recorded", admin);
    fixtures.save(caseId, Section.PATIENT, Map.of("sex", "FEMALE"));
    assertThat(
            jdbc.queryForList(
                "select action || ' ' || old_value || '>' || new_value from case_audit"
                    + " where case_id = ? and field = 'sign_off' order by id",
                String.class,
                caseId))
        .containsExactly(
            "SIGN_OFF OPEN>COMPLETE",
            "SIGN_OFF COMPLETE>VERIFIED",
            "SIGN_OFF VERIFIED>LOCKED",
            "UNLOCK LOCKED>OPEN: Wrong sex recorded");
  }

  @Test
  void theCaseListFiltersAndCountsBySignOffStateAndReportsCanTakeOnlyLockedCases()
      throws Exception {
    long locked = fullCase();
    long open = fullCase();
    signOffs.lock(locked, coordinator);
    String code =
        jdbc.queryForObject(
            "select study_code from surgical_case where id = ?", String.class, open);
    String list =
        mvc.perform(
                get("/series/" + series.getId() + "/cases")
                    .param("signoff", "LOCKED")
                    .with(user(TestAccounts.principal(coordinatorAccount))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("/cases/" + locked + "\"").doesNotContain("/cases/" + open + "\"");
    assertThat(list).contains("Locked: 1").contains("Open: 1");
    String dataset =
        mvc.perform(
                get("/series/" + series.getId() + "/reports/summary.csv")
                    .param("locked", "true")
                    .with(user(TestAccounts.principal(coordinatorAccount))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String all =
        mvc.perform(
                get("/series/" + series.getId() + "/reports/summary.csv")
                    .with(user(TestAccounts.principal(coordinatorAccount))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(dataset).contains("1").isNotEqualTo(all);
    assertThat(code).isNotBlank();
  }
}
