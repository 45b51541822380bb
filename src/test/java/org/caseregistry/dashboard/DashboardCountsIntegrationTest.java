package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseDashboardCounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.catalog.CaseCodes.AbdominalApproach;
import org.caseregistry.catalog.CaseCodes.FollowUpStatus;
import org.caseregistry.catalog.CaseCodes.NeoadjuvantTherapy;
import org.caseregistry.catalog.Section;
import org.caseregistry.complication.ClavienDindoGrade;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.complication.EccgSeverityType;
import org.caseregistry.dashboard.DashboardData.Complications;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.dashboard.DashboardQueries.Scope;
import org.caseregistry.importing.ImportReport;
import org.caseregistry.importing.ImportService;
import org.caseregistry.platform.ReportingDatabase;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The dashboard from the kept counts ({@link DashboardCounts}, V59) is the dashboard of the scan of
 * the cases ({@link CaseTallyQuery} and {@link ComplicationQuery}, the reference) part by part and
 * cell by cell, for every survival split, for the whole series, one site and restricted readers, on
 * several days (the follow-up windows due or not), after saves, follow-up visits added and removed,
 * edits, an import, a change of site, withdrawal and restore, a section row removed and deletion;
 * and after each the kept counts of the whole database are the counts computed again from the
 * cases.
 */
@IntegrationTest
class DashboardCountsIntegrationTest {

  @Autowired CaseDashboardCounts counts;
  @Autowired ReportingDatabase reporting;
  @Autowired CaseFixtures fixtures;
  @Autowired CaseService caseService;
  @Autowired ImportService importService;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;

  final Random random = new Random(59);
  final CurrentAccount admin = CaseFixtures.system();
  final List<EccgComplication> items = Arrays.asList(EccgComplication.values());

  @Test
  void everyPartFromTheCountsIsTheScanOfTheCasesAfterEveryKindOfWrite() {
    HospitalSite siteA = testAccounts.site();
    HospitalSite siteB = testAccounts.site();
    CaseSeries series = fixtures.series(siteA, siteB);
    CaseSeries gastric = fixtures.gastricSeries(siteA, siteB);
    List<Long> cases = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      long caseId = fixtures.newCase(series, i % 3 == 0 ? siteB : siteA);
      cases.add(caseId);
      if (i > 0) {
        fill(caseId, i);
      }
    }
    // Without visits, operated on the last day of a window that is still open today (1 month:
    // 60 < 60.875 days; 12 months: 547 < 547.875), closed tomorrow.
    for (long daysAgo : List.of(60L, 547L)) {
      long caseId = fixtures.newCase(series, siteB);
      fixtures.save(
          caseId,
          Section.OPERATION,
          Map.of("operation_date", LocalDate.now().minusDays(daysAgo).toString()));
    }
    for (int i = 0; i < 4; i++) {
      long caseId = fixtures.newCase(gastric, i % 2 == 0 ? siteA : siteB);
      fixtures.save(
          caseId,
          Section.GASTRIC_OPERATION,
          Map.of("gastric_operation_date", "2022-0" + (i + 2) + "-15"));
      fixtures.save(
          caseId,
          Section.GASTRIC_POSTOP,
          Map.of("gastric_any_complication", i == 0 ? "NO" : "YES"));
      if (i > 0) {
        fixtures.addItem(
            caseId,
            Section.GASTRIC_COMPLICATIONS,
            Map.of(
                "gastric_complication_type",
                i == 1 ? "ANASTOMOTIC_LEAK" : "PANCREATIC_FISTULA",
                "gastric_clavien_dindo",
                "IIIA"));
      }
    }
    assertSame(series, siteA, siteB);
    assertSame(gastric, siteA, siteB);
    assertThat(
            jdbc.queryForList(
                "select distinct key from case_dashboard_count where series_id = ? and n > 0",
                String.class,
                series.getId()))
        .as("every key counted")
        .containsExactlyInAnyOrder(
            "sections",
            "cci",
            "length_of_stay",
            "worst_grade",
            "month_dated",
            "month_recorded",
            "window_1",
            "window_3",
            "window_6",
            "window_12",
            "window_1_open",
            "window_3_open",
            "window_6_open",
            "window_12_open",
            "os",
            "rfs",
            "os_approach",
            "rfs_approach",
            "os_neoadjuvant",
            "rfs_neoadjuvant",
            "complication",
            "complication_n",
            "complication_postop",
            "complication_postop_n");
    assertThat(
            jdbc.queryForList(
                "select distinct value from case_dashboard_count where series_id = ?"
                    + " and key = 'worst_grade' and n > 0",
                String.class,
                series.getId()))
        .as("patients without a grade, for each reason")
        .contains("UNGRADED", "NONE", "NOT_RECORDED");

    // Edits: another approach, more visits, a visit removed, a complication added.
    for (long caseId : cases.subList(1, 5)) {
      fixtures.save(caseId, Section.OPERATION, Map.of("abdominal_approach", approach()));
      visit(caseId, random.nextBoolean() ? "2023-05-02" : null);
    }
    long visited = cases.get(6);
    long visitId = fixtures.addItem(visited, Section.FOLLOWUP, Map.of("visit_month", "3"));
    int visitVersion =
        jdbc.queryForObject(
            "select version from " + Section.FOLLOWUP.table() + " where id = ?",
            Integer.class,
            visitId);
    caseService.deleteItem(visited, Section.FOLLOWUP, visitId, visitVersion, admin);
    fixtures.addItem(
        cases.get(7),
        Section.COMPLICATIONS,
        Map.of("complication_type", "ANASTOMOTIC_LEAK", "eccg_severity", "TYPE_III"));
    assertSame(series, siteA, siteB);

    // An import of new cases, operated or not.
    String header = "study_code,site_code,operation_date,abdominal_approach,neoadjuvant_therapy";
    String file =
        Stream.of(
                header,
                "IMP-1," + siteA.getCode() + ",2021-03-04,ROBOTIC,CHEMOTHERAPY",
                "IMP-2," + siteB.getCode() + ",2024-11-30,OPEN,",
                "IMP-3," + siteB.getCode() + ",,,NONE")
            .collect(Collectors.joining("\r\n", "", "\r\n"));
    ImportReport report =
        importService.commit(
            series.getId(), "cases.csv", file.getBytes(StandardCharsets.UTF_8), false, admin);
    assertThat(report.written()).as(report.problems().toString()).isTrue();
    assertSame(series, siteA, siteB);

    // A case moved to the other site, one withdrawn, one withdrawn and restored, a neoadjuvant
    // and an operation section row removed (the case's group goes back to "not recorded").
    var moved = caseService.readable(cases.get(4), admin);
    caseService.updateHeader(moved.id(), moved.studyCode(), siteB.getId(), moved.version(), admin);
    caseService.withdraw(cases.get(5), "duplicate", admin);
    caseService.withdraw(cases.get(6), "mistake", admin);
    caseService.restore(cases.get(6), admin);
    jdbc.update("delete from case_neoadjuvant where case_id = ?", cases.get(8));
    jdbc.update("delete from case_operation where case_id = ?", cases.get(9));
    assertSame(series, siteA, siteB);

    // Cases deleted for good (their sections go by cascade), one of them withdrawn before.
    for (long caseId : List.of(cases.get(10), cases.get(5))) {
      String code = caseService.readable(caseId, admin).studyCode();
      assertThat(caseService.delete(caseId, code, admin).saved()).isTrue();
    }
    assertSame(series, siteA, siteB);
    assertSame(gastric, siteA, siteB);
  }

  /** A case's sections with random values: operated or not, complications, visits. */
  private void fill(long caseId, int i) {
    LocalDate operated =
        i % 5 == 4 ? null : i % 5 == 3 ? LocalDate.now().minusDays(20L * i) : randomDate();
    Map<String, String> operation = new HashMap<>();
    if (operated != null) {
      operation.put("operation_date", operated.toString());
    }
    if (i % 4 != 0) {
      operation.put("abdominal_approach", approach());
    }
    if (!operation.isEmpty()) {
      fixtures.save(caseId, Section.OPERATION, operation);
    }
    if (i % 3 != 1) {
      NeoadjuvantTherapy[] therapies = NeoadjuvantTherapy.values();
      fixtures.save(
          caseId,
          Section.NEOADJUVANT,
          Map.of("neoadjuvant_therapy", therapies[random.nextInt(therapies.length)].name()));
    }
    if (operated != null && i % 2 == 0) {
      fixtures.save(
          caseId,
          Section.POSTOP,
          Map.of(
              "any_complication",
              i % 4 == 0 ? "NO" : "YES",
              "discharge_date",
              operated.plusDays(5 + random.nextInt(40)).toString()));
    }
    for (int c = 0; c < i % 3; c++) {
      EccgComplication item = items.get(random.nextInt(items.size()));
      Map<String, String> complication = new HashMap<>();
      complication.put("complication_type", item.name());
      if (c != 1 && i != 5) {
        ClavienDindoGrade[] grades = ClavienDindoGrade.values();
        complication.put("clavien_dindo", grades[random.nextInt(grades.length)].name());
      }
      if (item.hasSeverityType()) {
        EccgSeverityType[] types = EccgSeverityType.values();
        complication.put("eccg_severity", types[random.nextInt(types.length)].name());
      }
      fixtures.addItem(caseId, Section.COMPLICATIONS, complication);
    }
    for (int v = 0; v < i % 4; v++) {
      visit(
          caseId,
          operated != null && random.nextBoolean()
              ? operated.plusDays(25L + random.nextInt(500)).toString()
              : null);
    }
  }

  /** A follow-up visit by date, or by month; its status random, sometimes not entered. */
  private void visit(long caseId, String date) {
    Map<String, String> visit = new HashMap<>();
    if (date != null) {
      visit.put("visit_date", date);
    } else {
      visit.put(
          "visit_month",
          String.valueOf(List.of(0, 1, 2, 3, 4, 6, 9, 12, 18, 24).get(random.nextInt(10))));
    }
    FollowUpStatus[] statuses = FollowUpStatus.values();
    if (random.nextInt(6) != 0) {
      visit.put("followup_status", statuses[random.nextInt(statuses.length)].name());
    }
    // A visit refused (a date before the operation, a status after death) is left out.
    SectionForm form = new SectionForm();
    form.getValues().putAll(visit);
    caseService.saveItem(caseId, Section.FOLLOWUP, null, form, admin);
  }

  private LocalDate randomDate() {
    return LocalDate.of(2019, 1, 1).plusDays(random.nextInt(6 * 365));
  }

  private String approach() {
    AbdominalApproach[] approaches = AbdominalApproach.values();
    return approaches[random.nextInt(approaches.length)].name();
  }

  /** The kept counts of the whole database are the counts computed again from the cases. */
  static void assertKeptAsRecounted(JdbcTemplate jdbc) {
    assertThat(
            jdbc.queryForList(
                "select series_id, site_id, key, value, n from case_dashboard_count where n <> 0"
                    + " except select * from case_dashboard_count_of(0)"))
        .as("kept counts not recomputed")
        .isEmpty();
    assertThat(
            jdbc.queryForList(
                "select * from case_dashboard_count_of(0) except"
                    + " select series_id, site_id, key, value, n from case_dashboard_count"
                    + " where n <> 0"))
        .as("recomputed counts not kept")
        .isEmpty();
  }

  private void assertSame(CaseSeries series, HospitalSite siteA, HospitalSite siteB) {
    assertKeptAsRecounted(jdbc);
    NamedParameterJdbcTemplate scan = reporting.jdbc();
    Set<Part> parts = EnumSet.allOf(Part.class);
    List<Scope> scopes =
        List.of(
            new Scope(series.getId(), null, null),
            new Scope(series.getId(), siteB.getId(), null),
            new Scope(series.getId(), null, Set.of(siteA.getId())),
            new Scope(series.getId(), null, Set.of()));
    // Today, and days on which windows close (see the cases operated 60 and 547 days ago).
    List<LocalDate> days =
        List.of(
            LocalDate.now(),
            LocalDate.now().plusDays(1),
            LocalDate.of(2021, 3, 1),
            LocalDate.now().plusDays(400));
    for (Scope scope : scopes) {
      for (LocalDate today : days) {
        for (SurvivalSplit split : SurvivalSplit.values()) {
          String what = scope + " on " + today + " split by " + split;
          CaseTally reference = CaseTallyQuery.count(scan, scope, parts, split, today);
          Complications complications =
              ComplicationQuery.count(
                  scan, scope, reference.patientsByWorstGrade(), reference.postopAnswered());
          DashboardCounts kept = DashboardCounts.read(counts, scope, parts, split, today);
          CaseTally tally = kept.tally();
          assertThat(tally.cases()).as(what + ": cases").isEqualTo(reference.cases());
          assertThat(tally.filled()).as(what + ": sections").isEqualTo(reference.filled());
          assertThat(tally.enrolment()).as(what + ": enrolment").isEqualTo(reference.enrolment());
          assertThat(tally.cci())
              .as(what + ": CCI")
              .usingRecursiveComparison()
              .isEqualTo(reference.cci());
          assertThat(tally.lengthOfStay())
              .as(what + ": length of stay")
              .usingRecursiveComparison()
              .isEqualTo(reference.lengthOfStay());
          assertThat(tally.followUp()).as(what + ": follow-up").isEqualTo(reference.followUp());
          assertThat(tally.survival(split))
              .as(what + ": survival")
              .usingRecursiveComparison()
              .isEqualTo(reference.survival(split));
          assertThat(kept.complications())
              .as(what + ": complications")
              .usingRecursiveComparison()
              .isEqualTo(complications);
        }
      }
    }
  }
}
