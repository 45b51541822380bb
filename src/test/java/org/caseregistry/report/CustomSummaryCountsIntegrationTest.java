package org.caseregistry.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.cases.CaseFixtures;
import org.caseregistry.cases.CaseService;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.importing.ImportReport;
import org.caseregistry.importing.ImportService;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The summary of custom fields from their kept counts (V58) is the pass over their JSON cell for
 * cell, for every summarised type (whole number, decimal, calculation, single choice, yes/no, check
 * boxes; with missing reasons and branching), beside built-in variables, by site and overall, under
 * every filter the counts answer: after saves, edits, imports (new cases and updates), a change of
 * site, withdrawal and restore, locking, deletion, and a new form version that changes fields'
 * types; after each the kept counts of the whole database are those computed again from the cases.
 * A value of a kind its field's type does not read leaves the summary to the pass.
 */
@IntegrationTest
class CustomSummaryCountsIntegrationTest {

  @Autowired SummaryCounts counts;
  @Autowired SummaryQuery reference;
  @Autowired CaseFixtures fixtures;
  @Autowired CaseService caseService;
  @Autowired ImportService importService;
  @Autowired FormService forms;
  @Autowired TestAccounts testAccounts;
  @Autowired JdbcTemplate jdbc;

  final Random random = new Random(58);
  final CurrentAccount admin = CaseFixtures.system();

  @Test
  void everyCustomSummaryFromTheCountsIsThePassOverTheirJsonAfterEveryKindOfWrite() {
    HospitalSite siteA = testAccounts.site();
    HospitalSite siteB = testAccounts.site();
    CaseSeries series = fixtures.series(form(FieldType.TEXT, FieldType.INTEGER), siteA, siteB);
    List<Long> cases = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      cases.add(fixtures.newCase(series, i % 3 == 0 ? siteB : siteA));
    }
    // Saves: every case but the first, some without the outcome section.
    for (long caseId : cases.subList(1, cases.size())) {
      fillRandomly(caseId, "vitals");
      if (random.nextInt(4) > 0) {
        fillRandomly(caseId, "outcome");
      }
      fixtures.save(
          caseId, Section.PATIENT, Map.of("sex", random.nextBoolean() ? "MALE" : "FEMALE"));
    }
    fixtures.addCustomItem(cases.get(1), "doses", Map.of("units", "2"));
    assertSame(series, siteA, siteB);

    // Edits: values changed, cleared, given a reason; a calculation's input changed.
    for (long caseId : cases.subList(1, 7)) {
      fillRandomly(caseId, "vitals");
    }
    fixtures.saveCustom(
        cases.get(2), "vitals", Map.of("compl", "", "heart_rate", ""), Map.of("compl", "UNKNOWN"));
    fixtures.saveCustom(cases.get(3), "vitals", Map.of("lactate", "3.25", "compl", "1,2,3"));
    assertSame(series, siteA, siteB);

    // An import of new cases, and one that updates stored ones.
    String header =
        "study_code,site_code,heart_rate,lactate,mode,arrest,cpr_min,compl,dose,icu_days,survived";
    String csv =
        header
            + "\r\nIMP-1,"
            + siteA.getCode()
            + ",80,2.5,1,1,12,1|3,5,4,1\r\nIMP-2,"
            + siteB.getCode()
            + ",UNKNOWN,,2,0,,2,,,0\r\nIMP-3,"
            + siteB.getCode()
            + ",110,7,,,,UNKNOWN,7,NOT_APPLICABLE,\r\n";
    commit(series, csv, false);
    String update =
        "study_code,site_code,heart_rate,mode,compl\r\nIMP-1,"
            + siteA.getCode()
            + ",95,3,2\r\nIMP-3,"
            + siteB.getCode()
            + ",UNKNOWN,1,1|2\r\n";
    commit(series, update, true);
    assertSame(series, siteA, siteB);

    // A case moved to the other site, one withdrawn, one withdrawn and restored, two locked; then
    // one deleted for good (its custom sections go by cascade).
    CountedSummaries.changeStates(
        caseService, jdbc, cases, siteB, admin, () -> assertSame(series, siteA, siteB));

    // A COPY (a bulk load through the triggers) of the first case's sections, never saved before.
    copy(
        cases.get(0)
            + ",vitals,\"{\"\"heart_rate\"\": 70, \"\"compl\"\": [\"\"1\"\", \"\"3\"\"]}\","
            + "\"{\"\"mode\"\": \"\"UNKNOWN\"\"}\"\n"
            + cases.get(0)
            + ",outcome,\"{\"\"survived\"\": \"\"1\"\"}\",{}\n");
    assertSame(series, siteA, siteB);

    // Version 2 of the form: a text field holding only missing reasons becomes a whole number, a
    // whole number with values a decimal; then values of the new types are entered.
    FormService.SaveOutcome published =
        forms.save(series.getId(), form(FieldType.INTEGER, FieldType.DECIMAL), 1, admin);
    assertThat(published.problems()).isEmpty();
    assertThat(variables(series)).extracting(SummaryVariable::name).contains("later", "dose");
    assertSame(series, siteA, siteB);
    for (long caseId : cases.subList(10, 14)) {
      fillRandomly(caseId, "vitals");
    }
    fixtures.saveCustom(cases.get(10), "vitals", Map.of("later", "3", "dose", "2.5"));
    assertSame(series, siteA, siteB);

    // A value the application does not write for its type (a number field holding text, as an
    // SQL edit could leave it): counted as kept, and the summary left to the pass.
    jdbc.update(
        "update case_custom_section set field_values = field_values || '{\"heart_rate\": \"77\"}'"
            + " where case_id = ? and section_key = 'vitals'",
        cases.get(11));
    CountedSummaries.assertKeptAsRecomputed(
        jdbc, "case_custom_value_count", KEY, "case_custom_value_count_of(0)");
    List<SummaryVariable> variables = variables(series);
    ReportFilter all = new ReportFilter(series.getId(), null, null, null, null);
    assertThat(counts.run(all, variables, SummaryVariable.SITE)).isEmpty();
    assertThat(
            counts.run(
                all,
                variables.stream().filter(v -> !v.name().equals("heart_rate")).toList(),
                SummaryVariable.SITE))
        .isPresent();
    jdbc.update(
        "update case_custom_section set field_values = field_values || '{\"heart_rate\": 77}'"
            + " where case_id = ? and section_key = 'vitals'",
        cases.get(11));
    assertSame(series, siteA, siteB);
  }

  private static final String KEY =
      "series_id, section_key, field, site_id, locked, kind, value, reason";

  private void copy(String csv) {
    long copied =
        jdbc.execute(
            (ConnectionCallback<Long>)
                connection -> {
                  try {
                    return connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                            "copy case_custom_section (case_id, section_key, field_values,"
                                + " missing_reasons, updated_by) from stdin (format csv)",
                            new StringReader(csv.replace("\n", ",copy\n")));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    assertThat(copied).isEqualTo(2);
  }

  private void commit(CaseSeries series, String csv, boolean update) {
    ImportReport imported =
        importService.commit(
            series.getId(), "cases.csv", csv.getBytes(StandardCharsets.UTF_8), update, admin);
    assertThat(imported.problems()).isEmpty();
    assertThat(imported.written()).isTrue();
  }

  /**
   * A series with the patient module and three custom sections: vitals and outcome (single,
   * summarised) and doses (repeating, not summarised). {@code later} and {@code dose} change type
   * between versions.
   */
  private static FormDefinition form(FieldType later, FieldType dose) {
    List<Choice> modes =
        List.of(
            new Choice("1", "VA", null, false),
            new Choice("2", "VV", null, false),
            new Choice("3", "VAV", null, false));
    List<Choice> complications =
        List.of(
            new Choice("1", "Bleeding", null, false),
            new Choice("2", "Limb", null, false),
            new Choice("3", "Thrombosis", null, false));
    return new FormDefinition(
        List.of(Section.PATIENT),
        List.of(
            new SectionDefinition(
                "vitals",
                "Vitals",
                null,
                false,
                false,
                List.of(
                    FieldDefinition.of("heart_rate", FieldType.INTEGER, "Heart rate", null)
                        .toBuilder()
                        .limits("0", "300")
                        .unknownAllowed(true)
                        .build(),
                    FieldDefinition.of("lactate", FieldType.DECIMAL, "Lactate", null).toBuilder()
                        .unknownAllowed(true)
                        .notApplicableAllowed(true)
                        .build(),
                    FieldDefinition.of("lactate_x2", FieldType.CALCULATED, "Twice", null)
                        .toBuilder()
                        .calculation("round([lactate] * 2, 1)")
                        .build(),
                    FieldDefinition.of("mode", FieldType.SINGLE_CHOICE, "Mode", null).toBuilder()
                        .choices(modes)
                        .unknownAllowed(true)
                        .build(),
                    FieldDefinition.of("arrest", FieldType.YES_NO, "Arrest", null),
                    FieldDefinition.of("cpr_min", FieldType.INTEGER, "CPR", null).toBuilder()
                        .showIf("[arrest] = '1'")
                        .build(),
                    FieldDefinition.of("compl", FieldType.MULTIPLE_CHOICE, "Compl", null)
                        .toBuilder()
                        .choices(complications)
                        .unknownAllowed(true)
                        .build(),
                    FieldDefinition.of("dose", dose, "Dose", null),
                    FieldDefinition.of("later", later, "Later", null).toBuilder()
                        .unknownAllowed(true)
                        .build())),
            new SectionDefinition(
                "outcome",
                "Outcome",
                null,
                false,
                false,
                List.of(
                    FieldDefinition.of("icu_days", FieldType.INTEGER, "ICU days", null).toBuilder()
                        .notApplicableAllowed(true)
                        .build(),
                    FieldDefinition.of("survived", FieldType.YES_NO, "Survived", null))),
            new SectionDefinition(
                "doses",
                "Doses",
                null,
                true,
                false,
                List.of(FieldDefinition.of("units", FieldType.INTEGER, "Units", null)))));
  }

  /** Random values, blanks or missing reasons for every entered field of a custom section. */
  private void fillRandomly(long caseId, String section) {
    Map<String, String> values = new HashMap<>();
    Map<String, String> missing = new HashMap<>();
    FormDefinition form = forms.current(caseService.readable(caseId, admin).seriesId());
    for (FieldDefinition field : form.section(section).orElseThrow().valueFields()) {
      if (!field.type().isEntered()) {
        continue;
      }
      values.put(field.name(), "");
      missing.put(field.name(), "");
      int pick = random.nextInt(10);
      if (pick == 0 && field.unknownAllowed()) {
        missing.put(field.name(), "UNKNOWN");
      } else if (pick == 1 && field.notApplicableAllowed()) {
        missing.put(field.name(), "NOT_APPLICABLE");
      } else if (pick > 2 && !field.type().isText()) {
        // Text is not summarised: the text field "later" holds reasons only, until it is a number.
        values.put(field.name(), valueOf(field));
      }
    }
    fixtures.saveCustom(caseId, section, values, missing);
  }

  private String valueOf(FieldDefinition field) {
    return switch (field.type()) {
      case INTEGER -> Integer.toString(5 + random.nextInt(6));
      case DECIMAL -> (1 + random.nextInt(4)) + "." + random.nextInt(10);
      case YES_NO -> Integer.toString(random.nextInt(2));
      case SINGLE_CHOICE -> field.choices().get(random.nextInt(field.choices().size())).code();
      case MULTIPLE_CHOICE -> {
        List<String> ticked = new ArrayList<>();
        for (Choice choice : field.choices()) {
          if (random.nextBoolean()) {
            ticked.add(choice.code());
          }
        }
        yield String.join(",", ticked);
      }
      default -> throw new IllegalArgumentException(field.name());
    };
  }

  /** Every variable the series offers: the patient module's, the derived ones, the custom ones. */
  private List<SummaryVariable> variables(CaseSeries series) {
    return SummaryCatalog.of(forms.current(series.getId()), Locale.ENGLISH).offered();
  }

  private void assertSame(CaseSeries series, HospitalSite siteA, HospitalSite siteB) {
    CountedSummaries.assertKeptAsRecomputed(
        jdbc, "case_custom_value_count", KEY, "case_custom_value_count_of(0)");
    List<SummaryVariable> variables = variables(series);
    assertThat(variables)
        .extracting(SummaryVariable::name)
        .contains("heart_rate", "lactate_x2", "mode", "arrest", "compl___2", "icu_days");
    CountedSummaries.assertCountedAsThePass(
        counts,
        reference,
        CountedSummaries.filters(series.getId(), siteA.getId(), siteB.getId()),
        variables);
  }
}
