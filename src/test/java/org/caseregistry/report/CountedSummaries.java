package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CaseService;
import org.caseregistry.site.HospitalSite;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The summary from the kept counts ({@link SummaryCounts}) against the pass over the cases ({@link
 * SummaryQuery}), cell for cell: the numbers of every variable in every column, and the laid-out
 * table.
 */
final class CountedSummaries {

  private CountedSummaries() {}

  /** Every filter the counts answer: all sites, one, the sites a reader sees, none, locked only. */
  static List<ReportFilter> filters(long seriesId, long siteA, long siteB) {
    return List.of(
        new ReportFilter(seriesId, null, null, null, null),
        new ReportFilter(seriesId, null, siteB, null, null),
        new ReportFilter(seriesId, Set.of(siteA), null, null, null),
        new ReportFilter(seriesId, Set.of(), null, null, null),
        new ReportFilter(seriesId, null, null, null, null, true));
  }

  /**
   * The kept counts of the whole database ({@code table}, its key {@code columns} and {@code n})
   * are those computed again from the cases ({@code recomputed}, e.g. {@code
   * case_value_count_of(0)}), both ways, leaving out counts back at zero.
   */
  static void assertKeptAsRecomputed(
      JdbcTemplate jdbc, String table, String columns, String recomputed) {
    String kept = "select " + columns + ", n from " + table + " where n <> 0";
    assertThat(jdbc.queryForList(kept + " except select * from " + recomputed))
        .as(table + ": kept counts not recomputed")
        .isEmpty();
    assertThat(jdbc.queryForList("select * from " + recomputed + " except " + kept))
        .as(table + ": recomputed counts not kept")
        .isEmpty();
  }

  /**
   * The changes of a case's state the counts follow, each then checked: case 4 moved to {@code
   * other} site, 5 withdrawn, 6 withdrawn and restored, 7 and 8 locked; then 9 deleted for good.
   */
  static void changeStates(
      CaseService caseService,
      JdbcTemplate jdbc,
      List<Long> cases,
      HospitalSite other,
      CurrentAccount admin,
      Runnable check) {
    CaseHeader header = caseService.readable(cases.get(4), admin);
    caseService.updateHeader(
        cases.get(4), header.studyCode(), other.getId(), header.version(), admin);
    caseService.withdraw(cases.get(5), "duplicate", admin);
    caseService.withdraw(cases.get(6), "mistake", admin);
    caseService.restore(cases.get(6), admin);
    jdbc.update(
        "update surgical_case set sign_off = 'LOCKED' where id in (?, ?)",
        cases.get(7),
        cases.get(8));
    check.run();
    String code = caseService.readable(cases.get(9), admin).studyCode();
    assertThat(caseService.delete(cases.get(9), code, admin).saved()).isTrue();
    check.run();
  }

  /** For each filter, by site and overall: counted (not left to the pass) and equal to the pass. */
  static void assertCountedAsThePass(
      SummaryCounts counts,
      SummaryQuery reference,
      List<ReportFilter> filters,
      List<SummaryVariable> variables) {
    for (ReportFilter filter : filters) {
      for (String grouping : new String[] {null, SummaryVariable.SITE}) {
        assertThat(SummaryCounts.answers(filter, variables, grouping)).isTrue();
        String what = filter.describe() + " by " + grouping;
        SummaryData kept = counts.run(filter, variables, grouping).orElseThrow();
        SummaryData passed = reference.run(filter, variables, grouping);
        assertThat(kept.groups()).as(what).isEqualTo(passed.groups());
        assertThat(kept.total()).as(what).isEqualTo(passed.total());
        List<String> columns = new ArrayList<>();
        passed.groups().forEach(group -> columns.add(group.key()));
        columns.add(SummaryData.OVERALL);
        for (int v = 0; v < variables.size(); v++) {
          for (String column : columns) {
            assertThat(kept.variables().get(v).in(column))
                .as(what + ", " + variables.get(v).name() + " in " + column)
                .isEqualTo(passed.variables().get(v).in(column));
          }
        }
        // And the table as laid out, cell for cell.
        SummaryLayout layout =
            new SummaryLayout(new StubLabels(), new ReportFormat(Locale.ENGLISH));
        assertThat(layout.build(kept, "t", code -> code))
            .as(what)
            .isEqualTo(layout.build(passed, "t", code -> code));
      }
    }
  }
}
