package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The database's aggregation (GROUP BY with grouping sets, percentile_cont, count filters) gives
 * the same numbers as the plain-Java statistics on the same values, and counts unknown, not
 * applicable and not entered apart for each group and overall.
 */
@IntegrationTest
class ReportSummaryIntegrationTest {

  @Autowired SummaryQuery summaries;
  @Autowired CaseFixtures fixtures;
  @Autowired CaseService caseService;
  @Autowired TestAccounts testAccounts;

  HospitalSite siteA;
  HospitalSite siteB;
  CaseSeries series;

  /** Drain removal day by abdominal approach, as entered. */
  Map<String, List<BigDecimal>> drainByApproach = new HashMap<>();

  @BeforeEach
  void cases() {
    siteA = testAccounts.site();
    siteB = testAccounts.site();
    series = fixtures.series(siteA, siteB);
    int[] drain = {4, 6, 4, 5, 4, 4, 9, 3, 12, 7, 5};
    for (int i = 0; i < drain.length; i++) {
      long caseId = fixtures.newCase(series, i % 2 == 0 ? siteA : siteB);
      String approach = i % 3 == 0 ? "LAPAROSCOPIC" : "OPEN";
      fixtures.save(
          caseId,
          Section.OPERATION,
          Map.of(
              "abdominal_approach",
              approach,
              "operation_date",
              (i < 6 ? "2021-" : "2022-") + "07-1" + (i % 9)));
      drainByApproach
          .computeIfAbsent(approach, a -> new ArrayList<>())
          .add(BigDecimal.valueOf(drain[i]));
      save(
          caseId,
          Section.POSTOP,
          Map.of("chest_drain_removal_pod", Integer.toString(drain[i])),
          Map.of());
      fixtures.save(
          caseId,
          Section.PATIENT,
          Map.of("sex", i == 0 ? "UNKNOWN" : i % 4 == 0 ? "FEMALE" : "MALE"));
    }
    // One unknown, one not applicable (no chest drain), one not entered, one without any section.
    long unknown = fixtures.newCase(series, siteA);
    fixtures.save(unknown, Section.OPERATION, Map.of("abdominal_approach", "OPEN"));
    save(unknown, Section.POSTOP, Map.of(), Map.of("chest_drain_removal_pod", "UNKNOWN"));
    long notApplicable = fixtures.newCase(series, siteB);
    fixtures.save(notApplicable, Section.OPERATION, Map.of("abdominal_approach", "OPEN"));
    save(
        notApplicable,
        Section.POSTOP,
        Map.of(),
        Map.of("chest_drain_removal_pod", "NOT_APPLICABLE"));
    long notEntered = fixtures.newCase(series, siteB);
    fixtures.save(notEntered, Section.OPERATION, Map.of("abdominal_approach", "LAPAROSCOPIC"));
    fixtures.newCase(series, siteA);
  }

  private void save(
      long caseId, Section section, Map<String, String> values, Map<String, String> reasons) {
    SectionForm form = new SectionForm(); // the section is new: version 0
    form.getValues().putAll(values);
    form.getMissing().putAll(reasons);
    Outcome outcome = caseService.saveSection(caseId, section, form, CaseFixtures.system());
    assertThat(outcome.problems()).isEmpty();
  }

  private ReportFilter all() {
    return new ReportFilter(series.getId(), null, null, null, null);
  }

  private static BigDecimal round(BigDecimal value) {
    return value == null ? null : value.setScale(8, RoundingMode.HALF_UP);
  }

  @Test
  void continuousStatisticsFromTheDatabaseMatchThePlainJavaOnes() {
    SummaryVariable drain = SummaryVariable.find("chest_drain_removal_pod").orElseThrow();
    SummaryData data = summaries.run(all(), List.of(drain), "abdominal_approach");
    assertThat(data.total()).isEqualTo(15);
    assertThat(data.groups())
        .extracting(SummaryData.Group::code)
        .containsExactly("LAPAROSCOPIC", "OPEN", null);
    assertThat(data.groups()).extracting(SummaryData.Group::n).containsExactly(5L, 9L, 1L);
    SummaryData.VariableResult result = data.variables().get(0);
    List<BigDecimal> everything = new ArrayList<>();
    drainByApproach.values().forEach(everything::addAll);
    Map<String, List<BigDecimal>> expected = new HashMap<>(drainByApproach);
    expected.put(SummaryData.OVERALL, everything);
    expected.forEach(
        (group, values) -> {
          ContinuousStatistics database = result.in(group).statistics();
          ContinuousStatistics java = Statistics.describe(values);
          assertThat(database.n()).as(group).isEqualTo(java.n());
          assertThat(round(database.mean())).as(group).isEqualByComparingTo(round(java.mean()));
          assertThat(round(database.sd())).as(group).isEqualByComparingTo(round(java.sd()));
          assertThat(round(database.median())).as(group).isEqualByComparingTo(round(java.median()));
          assertThat(round(database.q1())).as(group).isEqualByComparingTo(round(java.q1()));
          assertThat(round(database.q3())).as(group).isEqualByComparingTo(round(java.q3()));
          assertThat(database.min()).as(group).isEqualByComparingTo(java.min());
          assertThat(database.max()).as(group).isEqualByComparingTo(java.max());
        });
    SummaryData.Counts overall = result.in(SummaryData.OVERALL);
    assertThat(overall.unknown()).isEqualTo(1);
    assertThat(overall.notApplicable()).isEqualTo(1);
    assertThat(overall.notEntered()).isEqualTo(2);
    assertThat(result.in("OPEN").unknown() + result.in("OPEN").notApplicable()).isEqualTo(2);
    assertThat(result.in(SummaryData.NOT_RECORDED).notEntered()).isEqualTo(1);
  }

  @Test
  void categoricalCountsKeepUnknownAndNotEnteredApartByYearAndSite() {
    SummaryVariable sex = SummaryVariable.find("sex").orElseThrow();
    SummaryData byYear = summaries.run(all(), List.of(sex), SummaryVariable.OPERATION_YEAR);
    assertThat(byYear.groups())
        .extracting(SummaryData.Group::code)
        .containsExactly("2021", "2022", null);
    assertThat(byYear.groups()).extracting(SummaryData.Group::n).containsExactly(6L, 5L, 4L);
    SummaryData.Counts overall = byYear.variables().get(0).in(SummaryData.OVERALL);
    // Sex: case 0 unknown; cases 4 and 8 female; the other eight male; four cases without it.
    assertThat(overall.code("MALE")).isEqualTo(8);
    assertThat(overall.code("FEMALE")).isEqualTo(2);
    assertThat(overall.known()).isEqualTo(10);
    assertThat(overall.unknown()).isEqualTo(1);
    assertThat(overall.notEntered()).isEqualTo(4);
    assertThat(byYear.variables().get(0).in("2021").unknown()).isEqualTo(1);

    SummaryData bySite =
        summaries.run(
            new ReportFilter(series.getId(), Set.of(siteA.getId()), null, null, null),
            List.of(sex),
            SummaryVariable.SITE);
    assertThat(bySite.groups())
        .extracting(SummaryData.Group::code)
        .containsExactly(siteA.getCode());
    assertThat(bySite.total()).isEqualTo(8);
  }

  @Test
  void theOperationDateRangeFiltersCases() {
    SummaryVariable drain = SummaryVariable.find("chest_drain_removal_pod").orElseThrow();
    SummaryData data =
        summaries.run(
            new ReportFilter(
                series.getId(),
                null,
                null,
                java.time.LocalDate.of(2022, 1, 1),
                java.time.LocalDate.of(2022, 12, 31)),
            List.of(drain),
            null);
    assertThat(data.total()).isEqualTo(5);
    assertThat(data.groups()).isEmpty();
    assertThat(data.variables().get(0).in(SummaryData.OVERALL).statistics().n()).isEqualTo(5);
  }
}
