package org.caseregistry.cases.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseWarning;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.staging.StageGroup;
import org.caseregistry.staging.StagingReason;
import org.junit.jupiter.api.Test;

class CaseRulesTest {

  private static SectionValues values(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return new SectionValues(null, 1, map, new LinkedHashMap<>());
  }

  /** Seed patient BN6 as published: pT4aN2M0 with 1/17 thoracic and 6/9 abdominal nodes. */
  private static CaseData bn6() {
    return CaseData.empty()
        .with(Section.PATIENT, values("age_years", 65, "bmi_entered", new BigDecimal("18.52")))
        .with(
            Section.TUMOUR,
            values(
                "histology",
                "UNKNOWN",
                "ct",
                "T2",
                "cn",
                "N0",
                "cm",
                "M0",
                "tumour_location",
                "LOWER_THIRD"))
        .with(Section.NEOADJUVANT, values("neoadjuvant_therapy", "NONE"))
        .with(Section.OPERATION, values("conduit_time_min", 30))
        .with(Section.POSTOP, values("any_complication", "NO", "chest_drain_removal_pod", 4))
        .with(Section.PATHOLOGY, values("path_prefix", "P", "pt", "T4A", "pn", "N2", "pm", "M0"))
        .withItems(
            Section.NODES,
            List.of(
                values("node_field", "THORACIC", "nodes_positive", 1, "nodes_examined", 17),
                values("node_field", "ABDOMINAL", "nodes_positive", 6, "nodes_examined", 9)))
        .with(Section.ADJUVANT, values("adjuvant_therapy", "CHEMOTHERAPY"))
        .withItems(Section.FOLLOWUP, List.of(values("visit_month", 1, "followup_status", "WELL")));
  }

  @Test
  void bn6DerivesN3FromSevenNodesAndWarnsAboutTheRecordedPN2() {
    DerivedValues derived = DerivedValues.derivedFrom(bn6());
    assertThat(derived.nodesPositiveTotal()).isEqualTo(7);
    assertThat(derived.nodesExaminedTotal()).isEqualTo(26);
    assertThat(derived.pnFromCount()).isEqualTo("N3");
    assertThat(derived.pathologicalStage().stage()).contains(StageGroup.IVA);
    assertThat(derived.clinicalStage().whyNotDerivable()).contains(StagingReason.HISTOLOGY_UNKNOWN);
    assertThat(derived.bmi()).isEqualByComparingTo("18.52");
    assertThat(derived.cci()).isEqualByComparingTo("0");
    assertThat(derived.warnings()).extracting(CaseWarning::code).containsExactly("pn-mismatch");
  }

  @Test
  void bn3PrefixAfterNeoadjuvantTherapyIsFlaggedAndYpStagesAsI() {
    CaseData bn3 =
        bn6()
            .with(Section.NEOADJUVANT, values("neoadjuvant_therapy", "CHEMORADIOTHERAPY"))
            .with(Section.PATHOLOGY, values("path_prefix", "P", "pt", "T2", "pn", "N0", "pm", "M0"))
            .withItems(
                Section.NODES,
                List.of(
                    values("node_field", "THORACIC", "nodes_positive", 0, "nodes_examined", 7)));
    assertThat(CaseWarnings.of(bn3))
        .extracting(CaseWarning::code)
        .containsExactly("p-after-neoadjuvant");
    CaseData corrected =
        bn3.with(
            Section.PATHOLOGY, values("path_prefix", "YP", "pt", "T2", "pn", "N0", "pm", "M0"));
    assertThat(CaseWarnings.of(corrected)).isEmpty();
    assertThat(DerivedValues.derivedFrom(corrected).pathologicalStage().stage())
        .contains(StageGroup.I);
  }

  @Test
  void bmiComesFromHeightAndWeightBeforeTheEnteredValue() {
    CaseData data =
        CaseData.empty()
            .with(
                Section.PATIENT,
                values(
                    "height_cm",
                    new BigDecimal("160"),
                    "weight_kg",
                    new BigDecimal("47.4"),
                    "bmi_entered",
                    new BigDecimal("30")));
    assertThat(CaseDerivation.bmi(data)).isEqualByComparingTo("18.52");
    assertThat(
            CaseDerivation.bmi(
                CaseData.empty()
                    .with(Section.PATIENT, values("bmi_entered", new BigDecimal("20.43")))))
        .isEqualByComparingTo("20.43");
    assertThat(CaseDerivation.bmi(CaseData.empty())).isNull();
  }

  @Test
  void lengthOfStayAndAgeFromDates() {
    CaseData data =
        CaseData.empty()
            .with(Section.PATIENT, values("birth_year", 1957))
            .with(Section.OPERATION, values("operation_date", LocalDate.of(2022, 3, 1)))
            .with(Section.POSTOP, values("discharge_date", LocalDate.of(2022, 3, 10)));
    assertThat(CaseDerivation.lengthOfStay(data)).isEqualTo(9);
    assertThat(CaseDerivation.ageAtSurgery(data)).isEqualTo(65);
  }

  @Test
  void cciFromTheGradesOfAllComplicationsAndUnknownUntilAnswered() {
    CaseData none = CaseData.empty();
    assertThat(DerivedValues.derivedFrom(none).cci()).isNull();
    CaseData answeredNo = none.with(Section.POSTOP, values("any_complication", "NO"));
    assertThat(DerivedValues.derivedFrom(answeredNo).cci()).isEqualByComparingTo("0");
    CaseData twoGradeII =
        none.with(Section.POSTOP, values("any_complication", "YES"))
            .withItems(
                Section.COMPLICATIONS,
                List.of(values("clavien_dindo", "II"), values("clavien_dindo", "II")));
    DerivedValues derived = DerivedValues.derivedFrom(twoGradeII);
    assertThat(derived.cci()).isEqualByComparingTo("29.6");
    assertThat(derived.worstClavienDindo()).isEqualTo("II");
    assertThat(derived.complicationCount()).isEqualTo(2);
  }

  @Test
  void complicationAnswerAndListMustAgree() {
    CaseData yesButNone = CaseData.empty().with(Section.POSTOP, values("any_complication", "YES"));
    assertThat(CaseWarnings.of(yesButNone))
        .extracting(CaseWarning::code)
        .contains("complications-missing");
    CaseData noButListed =
        CaseData.empty()
            .with(Section.POSTOP, values("any_complication", "NO"))
            .withItems(Section.COMPLICATIONS, List.of(values("complication_type", "PNEUMONIA")));
    assertThat(CaseWarnings.of(noButListed))
        .extracting(CaseWarning::code)
        .contains("complications-contradict");
  }

  @Test
  void anEmptySectionBeforeAFilledOneIsFlagged() {
    CaseData data = CaseData.empty().with(Section.OPERATION, values("conduit_time_min", 40));
    assertThat(CaseWarnings.of(data))
        .filteredOn(w -> w.code().equals("section-empty"))
        .extracting(w -> w.arguments().get(0))
        .containsExactly("patient", "tumour", "neoadjuvant");
  }

  @Test
  void valuesOutsideTheUsualRangeAreFlaggedNotRefused() {
    CaseData data = CaseData.empty().with(Section.OPERATION, values("conduit_time_min", 300));
    assertThat(CaseWarnings.of(data))
        .filteredOn(w -> w.code().equals("unusual-value"))
        .extracting(CaseWarning::storedCode)
        .containsExactly("unusual-value:conduit_time_min");
    assertThat(
            SaveChecks.errors(Section.OPERATION, values("conduit_time_min", 300), CaseData.empty()))
        .isEmpty();
  }

  @Test
  void impossibleDatesAndNodeCountsAreHardErrors() {
    CaseData operated =
        CaseData.empty()
            .with(Section.OPERATION, values("operation_date", LocalDate.of(2022, 3, 10)));
    assertThat(
            SaveChecks.errors(
                Section.POSTOP, values("discharge_date", LocalDate.of(2022, 3, 9)), operated))
        .extracting(FieldProblem::variable, FieldProblem::messageKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("discharge_date", "error.date-before"));
    assertThat(
            SaveChecks.errors(
                Section.POSTOP, values("discharge_date", LocalDate.of(2022, 3, 10)), operated))
        .isEmpty();
    assertThat(
            SaveChecks.errors(
                Section.NODES, values("nodes_positive", 9, "nodes_examined", 8), operated))
        .extracting(FieldProblem::variable)
        .containsExactly("nodes_positive");
    assertThat(
            SaveChecks.errors(
                Section.NEOADJUVANT,
                values(
                    "neoadjuvant_start_date",
                    LocalDate.of(2022, 2, 1),
                    "neoadjuvant_end_date",
                    LocalDate.of(2022, 1, 1)),
                operated))
        .extracting(FieldProblem::variable)
        .containsExactly("neoadjuvant_end_date");
    assertThat(
            SaveChecks.errors(
                Section.FOLLOWUP, values("visit_date", LocalDate.of(2022, 1, 1)), operated))
        .extracting(FieldProblem::variable)
        .containsExactly("visit_date");
    assertThat(SaveChecks.errors(Section.PATIENT, values("birth_year", 2023), operated))
        .extracting(FieldProblem::messageKey)
        .containsExactly("error.born-after-operation");
  }

  @Test
  void missingReasonsCountAsFilled() {
    SectionValues unknownOnly =
        new SectionValues(
            null,
            1,
            new LinkedHashMap<>(),
            new LinkedHashMap<>(Map.of("conduit_time_min", MissingReason.UNKNOWN)));
    assertThat(CaseData.empty().with(Section.OPERATION, unknownOnly).isFilled(Section.OPERATION))
        .isTrue();
    assertThat(new ArrayList<>(CaseDerivation.sectionsFilled(CaseData.empty()))).isEmpty();
  }

  @Test
  void complicationsAreTalliedPerGradeCategoryItemAndLeakType() {
    CaseData data =
        bn6()
            .withItems(
                Section.COMPLICATIONS,
                List.of(
                    values(
                        "complication_type",
                        "ANASTOMOTIC_LEAK",
                        "clavien_dindo",
                        "IIIA",
                        "eccg_severity",
                        "TYPE_II"),
                    values("complication_type", "PNEUMONIA", "clavien_dindo", "II"),
                    values("complication_type", "PLEURAL_EFFUSION", "clavien_dindo", "II"),
                    values("clavien_dindo", "I")));
    assertThat(DerivedValues.derivedFrom(data).complicationTally())
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.ofEntries(
                    Map.entry("CATEGORY:", 1),
                    Map.entry("CATEGORY:GASTROINTESTINAL", 1),
                    Map.entry("CATEGORY:PULMONARY", 2),
                    Map.entry("GRADE:I", 1),
                    Map.entry("GRADE:II", 2),
                    Map.entry("GRADE:IIIA", 1),
                    Map.entry("ITEM:", 1),
                    Map.entry("ITEM:ANASTOMOTIC_LEAK", 1),
                    Map.entry("ITEM:PLEURAL_EFFUSION", 1),
                    Map.entry("ITEM:PNEUMONIA", 1),
                    Map.entry("LEAK:TYPE_II", 1))));
    assertThat(DerivedValues.derivedFrom(bn6()).complicationTally()).isEmpty();
  }

  @Test
  void theFollowUpSummaryCountsFromTheOperationDate() {
    CaseData data =
        bn6()
            .with(Section.OPERATION, values("operation_date", LocalDate.of(2022, 1, 10)))
            .withItems(
                Section.FOLLOWUP,
                List.of(
                    values(
                        "visit_month",
                        1,
                        "visit_date",
                        LocalDate.of(2022, 2, 9),
                        "followup_status",
                        "REFLUX"),
                    values("visit_month", 12, "followup_status", "DIED")));
    var followUp = DerivedValues.derivedFrom(data).followUp();
    assertThat(followUp.start()).isEqualTo(LocalDate.of(2022, 1, 10));
    assertThat(followUp.status(org.caseregistry.followup.VisitWindow.MONTH_1)).isEqualTo("REFLUX");
    assertThat(followUp.deathDays()).isEqualTo(12 * 30.4375);
    assertThat(followUp.lastSeenDays()).isEqualTo(12 * 30.4375);
  }
}
