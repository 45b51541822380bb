package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.catalog.Section;
import org.caseregistry.importing.ImportReport;
import org.caseregistry.importing.ImportService;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The summary from the kept per-value counts ({@link SummaryCounts}, V56) is the summary of the
 * pass over the cases ({@link SummaryQuery}, the reference) cell for cell, for every summary
 * variable, by site and overall, for every filter the counts answer, after saves, edits, an import,
 * a change of site, withdrawal and restore, sign-off and deletion; and after each the kept counts
 * of the whole database are the counts computed again from the cases.
 */
@IntegrationTest
class SummaryCountsIntegrationTest {

  @Autowired SummaryCounts counts;
  @Autowired SummaryQuery reference;
  @Autowired CaseFixtures fixtures;
  @Autowired CaseService caseService;
  @Autowired ImportService importService;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;

  final Random random = new Random(17);
  final CurrentAccount admin = CaseFixtures.system();

  @Test
  void everySummaryFromTheCountsIsThePassOverTheCasesAfterEveryKindOfWrite() throws IOException {
    HospitalSite siteA = testAccounts.site();
    HospitalSite siteB = testAccounts.site();
    CaseSeries series = fixtures.series(siteA, siteB);
    CaseSeries gastric = fixtures.gastricSeries(siteA, siteB);
    List<Long> cases = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      cases.add(fixtures.newCase(series, i % 3 == 0 ? siteB : siteA));
    }
    for (int i = 0; i < 6; i++) {
      long caseId = fixtures.newCase(gastric, i % 2 == 0 ? siteA : siteB);
      fillRandomly(caseId, Section.GASTRIC_TUMOUR);
      fillRandomly(caseId, Section.GASTRIC_OPERATION);
    }
    cases.stream().skip(1).forEach(this::fill);
    assertSame(series, siteA, siteB);
    assertSame(gastric, siteA, siteB);

    // Edits: values changed, cleared with a reason, a complication (derived columns).
    for (long caseId : cases.subList(1, 6)) {
      fillRandomly(caseId, Section.PATIENT);
    }
    SectionForm unknown = new SectionForm();
    unknown.setVersion(caseService.section(cases.get(2), Section.POSTOP, admin).version());
    unknown.getMissing().put("chest_drain_removal_pod", "UNKNOWN");
    assertThat(caseService.saveSection(cases.get(2), Section.POSTOP, unknown, admin).saved())
        .isTrue();
    fixtures.addItem(
        cases.get(3),
        Section.COMPLICATIONS,
        Map.of("complication_type", "PNEUMONIA", "clavien_dindo", "IIIA"));
    assertSame(series, siteA, siteB);

    // An import of new cases.
    String csv =
        "study_code,site_code,sex,age_years,blood_loss_ml,asa_class\r\n"
            + "IMP-1,"
            + siteA.getCode()
            + ",MALE,61,200,II\r\n"
            + "IMP-2,"
            + siteB.getCode()
            + ",FEMALE,55,150,III\r\n"
            + "IMP-3,"
            + siteB.getCode()
            + ",MALE,70,UNKNOWN,\r\n";
    ImportReport imported =
        importService.commit(
            series.getId(), "cases.csv", csv.getBytes(StandardCharsets.UTF_8), false, admin);
    assertThat(imported.problems()).isEmpty();
    assertThat(imported.written()).isTrue();
    assertSame(series, siteA, siteB);

    // A case moved to the other site, one withdrawn, one withdrawn and restored, two locked; then
    // one deleted for good (its sections go by cascade).
    CountedSummaries.changeStates(
        caseService, jdbc, cases, siteB, admin, () -> assertSame(series, siteA, siteB));
  }

  @Test
  void everyBuiltInSummaryVariableIsCountedByTheMigration() throws IOException {
    String migration =
        Files.readString(Path.of("src/main/resources/db/migration/V56__case_value_counts.sql"));
    for (SummaryVariable variable : SummaryVariable.all()) {
      String column = variable.expression().substring(variable.expression().indexOf('.') + 1);
      assertThat(migration)
          .as(variable.name())
          .contains("('" + variable.name() + "', cast(r." + column + " as text),");
    }
  }

  /** The sections of a case with random values of the summary variables. */
  private void fill(long caseId) {
    fillRandomly(caseId, Section.PATIENT);
    fillRandomly(caseId, Section.TUMOUR);
    fillRandomly(caseId, Section.NEOADJUVANT);
    fillRandomly(caseId, Section.OPERATION);
    fillRandomly(caseId, Section.POSTOP);
    fillRandomly(caseId, Section.PATHOLOGY);
  }

  /** Random codes and small numbers; a refused save (an implausible combination) is skipped. */
  private void fillRandomly(long caseId, Section section) {
    SectionForm form = new SectionForm();
    form.setVersion(caseService.section(caseId, section, admin).version());
    for (SummaryVariable variable : SummaryVariable.all()) {
      if (!variable.expression().startsWith(ReportFilter.ALIASES.get(section) + ".")) {
        continue;
      }
      int pick = random.nextInt(10);
      if (pick < 2) {
        form.getMissing().put(variable.name(), pick == 0 ? "UNKNOWN" : "NOT_APPLICABLE");
      } else if (pick == 2) {
        continue;
      } else if (variable.continuous()) {
        form.getValues().put(variable.name(), Integer.toString(5 + random.nextInt(6)));
      } else if (!variable.options().isEmpty()) {
        form.getValues()
            .put(
                variable.name(),
                variable.options().get(random.nextInt(variable.options().size())).code());
      }
    }
    // A field refused (an implausible value or reason) is left out, until the section saves.
    for (int attempt = 0; attempt < 5; attempt++) {
      Outcome outcome = caseService.saveSection(caseId, section, form, admin);
      if (outcome.saved()) {
        return;
      }
      for (FieldProblem problem : outcome.problems()) {
        form.getValues().remove(problem.variable());
        form.getMissing().remove(problem.variable());
      }
    }
  }

  private void assertSame(CaseSeries series, HospitalSite siteA, HospitalSite siteB) {
    CountedSummaries.assertKeptAsRecomputed(
        jdbc,
        "case_value_count",
        "series_id, variable, site_id, locked, value, reason",
        "case_value_count_of(0)");
    CountedSummaries.assertCountedAsThePass(
        counts,
        reference,
        CountedSummaries.filters(series.getId(), siteA.getId(), siteB.getId()),
        SummaryVariable.all());
  }
}
