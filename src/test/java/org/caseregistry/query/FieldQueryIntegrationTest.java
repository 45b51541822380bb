package org.caseregistry.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.caseregistry.api.ApiTestTokens.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseregistry.account.Account;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.SignedInAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.api.ApiTestTokens;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.catalog.Section;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Field queries from opening to closing, with the rules per role and site: coordinators open, close
 * and re-open, the surgeons of the case's site answer and correct (through the normal save, linked
 * in the audit trail), nobody of another site sees anything; bulk raising never duplicates; a
 * confirmed warning stops counting as open.
 */
@IntegrationTest
class FieldQueryIntegrationTest {

  @Autowired QueryService queries;
  @Autowired WarningQueries warnings;
  @Autowired CaseService cases;
  @Autowired CaseFixtures fixtures;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  HospitalSite site;
  HospitalSite otherSite;
  CaseSeries series;
  Account surgeonAccount;
  CurrentAccount surgeon;
  CurrentAccount otherSurgeon;
  CurrentAccount coordinator;
  CurrentAccount otherCoordinator;

  @BeforeEach
  void aSeriesWithTwoSites() {
    site = testAccounts.site();
    otherSite = testAccounts.site();
    series = fixtures.series(site, otherSite);
    surgeonAccount = testAccounts.account(Role.SURGEON, site);
    surgeon = current(surgeonAccount);
    otherSurgeon = current(testAccounts.account(Role.SURGEON, otherSite));
    coordinator = current(testAccounts.account(Role.COORDINATOR, site));
    otherCoordinator = current(testAccounts.account(Role.COORDINATOR, otherSite));
  }

  final Map<Long, Account> accounts = new HashMap<>();

  CurrentAccount current(Account account) {
    accounts.put(account.getId(), account);
    return new CurrentAccount(
        account.getId(),
        account.getUsername(),
        account.getFullName(),
        account.getRole(),
        account.getSites().stream().map(HospitalSite::getId).collect(Collectors.toSet()));
  }

  /** A case like BN6: pN2 recorded against 7 positive nodes (pn-mismatch). */
  long caseWithPnMismatch(HospitalSite at) {
    long caseId = fixtures.newCase(series, at);
    fixtures.save(caseId, Section.NEOADJUVANT, Map.of("neoadjuvant_therapy", "NONE"));
    fixtures.save(
        caseId,
        Section.PATHOLOGY,
        Map.of("path_prefix", "P", "pt", "T4A", "pn", "N2", "pm", "M0", "grade", "GX"));
    fixtures.addItem(
        caseId,
        Section.NODES,
        Map.of("node_field", "THORACIC", "nodes_positive", "7", "nodes_examined", "26"));
    return caseId;
  }

  private long openOnPn(long caseId) {
    QueryService.Outcome outcome =
        queries.open(
            caseId,
            new QueryService.OpenRequest(
                "pathology", null, "pn", "pN2 with 7 positive nodes: which is right?", "N3"),
            coordinator);
    assertThat(outcome.problems()).isEmpty();
    return outcome.queryId();
  }

  @Test
  void aQueryGoesFromOpenToAnsweredToClosedAndTheCorrectionIsLinkedInTheAuditTrail() {
    long caseId = caseWithPnMismatch(site);
    long queryId = openOnPn(caseId);
    assertThat(queries.query(queryId, surgeon).state()).isEqualTo(QueryState.OPEN);
    assertThat(queries.waitingCount(surgeon)).isGreaterThanOrEqualTo(1);
    assertThat(queries.worklist(surgeon, series.getId()))
        .extracting(FieldQuery::id)
        .containsExactly(queryId);
    assertThat(queries.worklist(otherSurgeon, series.getId())).isEmpty();

    QueryService.Outcome answered =
        queries.answer(queryId, "The report says 7 of 26: pN3.", "N3", surgeon);
    assertThat(answered.problems()).isEmpty();
    assertThat(cases.view(caseId, surgeon).data().single(Section.PATHOLOGY).get("pn"))
        .isEqualTo("N3");
    assertThat(warnings(caseId)).doesNotContain("pn-mismatch");
    assertThat(
            jdbc.queryForList(
                "select field, old_value, new_value from case_audit where case_id = ?"
                    + " and query_id = ? and action = 'UPDATE'",
                caseId,
                queryId))
        .containsExactly(Map.of("field", "pn", "old_value", "N2", "new_value", "N3"));
    assertThat(queries.worklist(surgeon, series.getId())).isEmpty();
    assertThat(queries.worklist(coordinator, series.getId()))
        .extracting(FieldQuery::state)
        .containsExactly(QueryState.ANSWERED);

    assertThat(queries.close(queryId, "Thank you.", coordinator).problems()).isEmpty();
    FieldQuery closed = queries.query(queryId, coordinator);
    assertThat(closed.state()).isEqualTo(QueryState.CLOSED);
    assertThat(closed.events())
        .extracting(event -> event.action().name())
        .containsExactly("OPEN", "CORRECT", "ANSWER", "CLOSE");
    QueryEvent correction = closed.events().get(1);
    assertThat(correction.oldValue()).isEqualTo("N2");
    assertThat(correction.newValue()).isEqualTo("N3");
    assertThat(correction.username()).isEqualTo(surgeon.username());
    assertThat(closed.firstAnsweredAt()).isNotNull();
    assertThat(
            jdbc.queryForList(
                "select action from case_audit where case_id = ? and query_id = ? order by id",
                String.class,
                caseId,
                queryId))
        .containsExactly("QUERY_OPEN", "UPDATE", "QUERY_ANSWER", "QUERY_CLOSE");

    // Re-opening needs a reason, and goes back to the site.
    assertThat(queries.reopen(queryId, " ", coordinator).problems())
        .extracting(problem -> problem.messageKey())
        .containsExactly("query.reopen.required");
    assertThat(queries.reopen(queryId, "Check the grade too.", coordinator).done()).isTrue();
    assertThat(queries.query(queryId, coordinator).state()).isEqualTo(QueryState.OPEN);
    assertThat(queries.query(queryId, coordinator).closedAt()).isNull();
  }

  @Test
  void aRefusedCorrectionRecordsNothingAndAnAnswerNeedsTextOrAValue() {
    long caseId = caseWithPnMismatch(site);
    long queryId = openOnPn(caseId);
    QueryService.Outcome refused = queries.answer(queryId, "typo", "N9", surgeon);
    assertThat(refused.problems()).extracting(p -> p.variable()).containsExactly("pn");
    assertThat(queries.query(queryId, surgeon).state()).isEqualTo(QueryState.OPEN);
    assertThat(queries.query(queryId, surgeon).events()).hasSize(1);
    assertThat(queries.answer(queryId, "  ", "", surgeon).problems())
        .extracting(p -> p.messageKey())
        .containsExactly("query.answer.required");
    assertThat(
            queries
                .open(
                    caseId,
                    new QueryService.OpenRequest("pathology", null, "no_such", "?", null),
                    coordinator)
                .problems())
        .extracting(p -> p.variable())
        .containsExactly("variable");
    assertThat(
            queries
                .open(caseId, new QueryService.OpenRequest(null, null, null, "", null), coordinator)
                .problems())
        .extracting(p -> p.messageKey())
        .containsExactly("query.question.required");
  }

  @Test
  void eachStepIsForItsRoleAndItsSiteOnly() {
    long caseId = caseWithPnMismatch(site);
    QueryService.OpenRequest request =
        new QueryService.OpenRequest(null, null, null, "Is the whole case right?", null);
    assertThatThrownBy(() -> queries.open(caseId, request, surgeon))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> queries.open(caseId, request, otherCoordinator))
        .isInstanceOf(NotFoundException.class);
    long queryId = queries.open(caseId, request, coordinator).queryId();
    assertThatThrownBy(() -> queries.answer(queryId, "yes", null, coordinator))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> queries.answer(queryId, "yes", null, otherSurgeon))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> queries.query(queryId, otherSurgeon))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> queries.close(queryId, null, surgeon))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> queries.close(queryId, null, otherCoordinator))
        .isInstanceOf(NotFoundException.class);
    assertThat(queries.answer(queryId, "Yes, checked.", null, surgeon).done()).isTrue();
    assertThat(queries.close(queryId, null, coordinator).done()).isTrue();
    assertThat(queries.close(queryId, null, coordinator).problems())
        .extracting(p -> p.messageKey())
        .containsExactly("query.refused.closed");
  }

  @Test
  void raisingInBulkMakesOneQueryPerCaseAndNeverDuplicatesAnOpenOne() {
    long first = caseWithPnMismatch(site);
    long second = caseWithPnMismatch(site);
    long elsewhere = caseWithPnMismatch(otherSite);
    long confirmed = caseWithPnMismatch(site);
    assertThat(
            warnings
                .confirmWarning(
                    confirmed, "pn-mismatch", "As the pathologist reported", coordinator)
                .done())
        .isTrue();

    QueryService.BulkOutcome outcome =
        warnings.raiseForWarning(series.getId(), "pn-mismatch", "Please check pN.", coordinator);
    assertThat(outcome.created()).isEqualTo(2);
    assertThat(openQueriesOn(first)).isEqualTo(1);
    assertThat(openQueriesOn(second)).isEqualTo(1);
    assertThat(openQueriesOn(elsewhere)).as("another site's case").isZero();
    assertThat(openQueriesOn(confirmed)).as("a confirmed warning").isZero();
    FieldQuery raised = queries.ofCase(first, coordinator).get(0);
    assertThat(raised.section()).isEqualTo(Section.PATHOLOGY);
    assertThat(raised.variable()).isEqualTo("pn");
    assertThat(raised.warningCode()).isEqualTo("pn-mismatch");
    assertThat(raised.events()).extracting(event -> event.action().name()).containsExactly("OPEN");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_audit where case_id = ? and action = 'QUERY_OPEN'",
                Integer.class,
                first))
        .isEqualTo(1);

    QueryService.BulkOutcome again =
        warnings.raiseForWarning(series.getId(), "pn-mismatch", "Please check pN.", coordinator);
    assertThat(again.created()).isZero();
    assertThat(again.skipped()).isEqualTo(2);
    assertThat(openQueriesOn(first)).isEqualTo(1);

    // Once closed, the warning (still there) may be asked about again.
    queries.close(raised.id(), null, coordinator);
    assertThat(
            warnings
                .raiseForWarning(series.getId(), "pn-mismatch", "Still pN2?", coordinator)
                .created())
        .isEqualTo(1);
    assertThat(openQueriesOn(first)).isEqualTo(1);
    assertThatThrownBy(() -> warnings.raiseForWarning(series.getId(), "pn-mismatch", "?", surgeon))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void aConfirmedWarningStaysButNoLongerCountsAsOpen() throws Exception {
    long caseId = caseWithPnMismatch(site);
    caseWithPnMismatch(site);
    assertThat(warnings.confirmWarning(caseId, "pn-mismatch", " ", coordinator).problems())
        .extracting(p -> p.messageKey())
        .containsExactly("warning.confirm.reason-required");
    assertThat(warnings.confirmWarning(caseId, "p-after-neoadjuvant", "x", coordinator).problems())
        .extracting(p -> p.messageKey())
        .containsExactly("warning.confirm.not-present");
    assertThatThrownBy(() -> warnings.confirmWarning(caseId, "pn-mismatch", "x", surgeon))
        .isInstanceOf(AccessDeniedException.class);
    long openBefore = queries.metrics(series.getId(), coordinator).openWarnings();
    assertThat(
            warnings
                .confirmWarning(caseId, "pn-mismatch", "As the pathologist reported", coordinator)
                .done())
        .isTrue();

    assertThat(warnings(caseId)).contains("pn-mismatch");
    assertThat(queries.metrics(series.getId(), coordinator).openWarnings())
        .isEqualTo(openBefore - 1);
    assertThat(
            jdbc.queryForObject(
                "select new_value from case_audit where case_id = ? and action ="
                    + " 'WARNING_CONFIRM'",
                String.class,
                caseId))
        .isEqualTo("As the pathologist reported");
    String page =
        mvc.perform(
                get("/series/" + series.getId() + "/reports/quality")
                    .with(user(principalOf(coordinator))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("confirmed: As the pathologist reported");
    assertThat(page).contains("1 confirmed as correct");
  }

  @Test
  void metricsCountOpenQueriesPerSiteTheMedianDaysToAnswerAndTheOldestOpen() {
    long here = caseWithPnMismatch(site);
    long there = caseWithPnMismatch(otherSite);
    CurrentAccount admin = current(testAccounts.account(Role.ADMIN));
    long answered = openOnPn(here);
    long waiting =
        queries
            .open(
                there,
                new QueryService.OpenRequest(null, null, null, "Is the site right?", null),
                admin)
            .queryId();
    jdbc.update(
        "update field_query set opened_at = now() - interval '4 days' where id = ?", answered);
    jdbc.update(
        "update field_query set opened_at = now() - interval '9 days' where id = ?", waiting);
    queries.answer(answered, "Checked.", null, surgeon);

    QueryMetrics.Report report = queries.metrics(series.getId(), admin);
    assertThat(report.overall().open()).isEqualTo(1);
    assertThat(report.overall().answered()).isEqualTo(1);
    assertThat(report.overall().medianDaysToAnswer()).isEqualByComparingTo("4.0");
    assertThat(report.overall().oldestOpenQueryId()).isEqualTo(waiting);
    assertThat(report.overall().oldestOpenDays(Instant.now())).isEqualTo(9);
    assertThat(report.sites())
        .extracting(QueryMetrics.Row::siteCode, QueryMetrics.Row::open)
        .containsExactlyInAnyOrder(tuple(site.getCode(), 0L), tuple(otherSite.getCode(), 1L));
    // A coordinator of one site sees only that site's queries.
    assertThat(queries.metrics(series.getId(), coordinator).overall().total()).isEqualTo(1);
  }

  @Test
  void thePagesShowTheQueryNextToTheFieldInTheWorklistAndInTheBadge() throws Exception {
    long caseId = caseWithPnMismatch(site);
    long queryId = openOnPn(caseId);
    String casePage = page("/cases/" + caseId, principalOf(surgeon));
    assertThat(casePage).contains("id=\"queries-pn\"").contains("data-query-id=\"" + queryId);
    String form = page("/cases/" + caseId + "/sections/pathology", principalOf(surgeon));
    assertThat(form).contains("id=\"queries-pn\"");
    String worklist = page("/queries", principalOf(surgeon));
    assertThat(worklist).contains("data-query-id=\"" + queryId).contains("id=\"query-badge\"");
    mvc.perform(
            post("/cases/" + caseId + "/queries/" + queryId + "/answer")
                .param("message", "")
                .param("value", "N9")
                .with(csrf())
                .with(user(principalOf(surgeon))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"value-error\"")));
    mvc.perform(
            post("/cases/" + caseId + "/queries")
                .param("section", "pathology")
                .param("variable", "pn")
                .param("question", "")
                .with(csrf())
                .with(user(principalOf(coordinator))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"question-error\"")));
  }

  @Autowired ApiTestTokens tokens;

  @Test
  void hostileTextIsStoredVerbatimShownEscapedAndControlCharactersAreRefused() throws Exception {
    long caseId = caseWithPnMismatch(site);
    String token = tokens.issue(accounts.get(coordinator.id()));
    String script = "<script>alert('x')</script> Nguyễn 😷";
    String body =
        mvc.perform(
                post("/api/v1/cases/" + caseId + "/queries")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"section\": \"pathology\", \"variable\": \"pn\", \"question\": \""
                            + script.replace("'", "\\u0027")
                            + "\"}")
                    .with(bearer(token)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body).contains("\"state\":\"OPEN\"").contains("\"variable\":\"pn\"");
    assertThat(queries.ofCase(caseId, coordinator).get(0).question()).isEqualTo(script);
    String casePage = page("/cases/" + caseId, principalOf(surgeon));
    assertThat(casePage).doesNotContain("<script>alert").contains("&lt;script&gt;");
    mvc.perform(
            post("/api/v1/cases/" + caseId + "/queries")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"question\": \"nul\\u0000byte\"}")
                .with(bearer(token)))
        .andExpect(status().isUnprocessableContent());
    long queryId = queries.ofCase(caseId, coordinator).get(0).id();
    mvc.perform(
            post("/api/v1/queries/" + queryId + "/answer")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \"ok\", \"value\": \"N9\"}")
                .with(bearer(tokens.issue(accounts.get(surgeon.id())))))
        .andExpect(status().isUnprocessableContent());
  }

  private String page(String path, SignedInAccount who) throws Exception {
    return mvc.perform(get(path).with(user(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private SignedInAccount principalOf(CurrentAccount account) {
    return TestAccounts.principal(accounts.get(account.id()));
  }

  private List<String> warnings(long caseId) {
    return List.of(
        jdbc.queryForObject(
                "select array_to_string(warning_codes, ',') from surgical_case where id = ?",
                String.class,
                caseId)
            .split(","));
  }

  private int openQueriesOn(long caseId) {
    return jdbc.queryForObject(
        "select count(*) from field_query where case_id = ? and state <> 'CLOSED'",
        Integer.class,
        caseId);
  }
}
