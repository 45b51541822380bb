package org.caseregistry.cases.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.Section;
import org.caseregistry.staging.StageGroup;
import org.caseregistry.staging.StagingNote;
import org.caseregistry.staging.StagingReason;
import org.caseregistry.staging.StagingResult;
import org.junit.jupiter.api.Test;

/** What the case rules derive and flag for a case recorded with the gastrectomy module. */
class GastricRulesTest {

  private static SectionValues values(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return new SectionValues(null, 1, map, new LinkedHashMap<>());
  }

  private static SectionValues station(String station, int positive, int examined) {
    return values(
        "jgca_station",
        station,
        "station_nodes_positive",
        positive,
        "station_nodes_examined",
        examined);
  }

  /** Total gastrectomy, D2, pT3 with 9 of 31 nodes positive and a grade B pancreatic fistula. */
  private static CaseData totalGastrectomy() {
    return CaseData.empty()
        .with(Section.PATIENT, values("age_years", 61))
        .with(
            Section.GASTRIC_TUMOUR,
            values(
                "gastric_location", "BODY_MIDDLE_THIRD",
                "gastric_histology", "SIGNET_RING_CELL_CARCINOMA",
                "gastric_ct", "T3",
                "gastric_cn", "N1",
                "gastric_cm", "M0",
                "gastric_chemotherapy", "NONE"))
        .with(
            Section.GASTRIC_OPERATION,
            values(
                "gastric_operation_date", LocalDate.of(2024, 3, 4),
                "gastrectomy_extent", "TOTAL",
                "lymphadenectomy_level", "D2",
                "reconstruction", "ROUX_EN_Y"))
        .with(
            Section.GASTRIC_POSTOP,
            values(
                "gastric_discharge_date",
                LocalDate.of(2024, 3, 15),
                "gastric_any_complication",
                "YES"))
        .withItems(
            Section.GASTRIC_COMPLICATIONS,
            List.of(
                values(
                    "gastric_complication_type", "PANCREATIC_FISTULA",
                    "popf_grade", "GRADE_B",
                    "gastric_clavien_dindo", "II")))
        .with(
            Section.GASTRIC_PATHOLOGY,
            values(
                "gastric_path_prefix",
                "P",
                "gastric_pt",
                "T3",
                "gastric_pn",
                "N3A",
                "gastric_pm",
                "M0"))
        .withItems(
            Section.GASTRIC_NODES,
            List.of(
                station("S3", 4, 10),
                station("S4SB", 3, 8),
                station("S6", 2, 7),
                station("S7", 0, 6)));
  }

  @Test
  void aTotalGastrectomyIsStagedCountedAndScoredByTheGastricRules() {
    DerivedValues derived = DerivedValues.derivedFrom(totalGastrectomy());
    assertThat(derived.nodesPositiveTotal()).isEqualTo(9);
    assertThat(derived.nodesExaminedTotal()).isEqualTo(31);
    assertThat(derived.pnFromCount()).isEqualTo("N3A");
    assertThat(derived.clinicalStage()).isEqualTo(resultOf(StageGroup.III));
    assertThat(derived.pathologicalStage()).isEqualTo(resultOf(StageGroup.IIIB));
    assertThat(derived.pathologicalPrefix()).isEqualTo("P");
    assertThat(derived.cci()).isEqualByComparingTo("20.9");
    assertThat(derived.worstClavienDindo()).isEqualTo("II");
    assertThat(derived.complicationCount()).isEqualTo(1);
    assertThat(derived.lengthOfStayDays()).isEqualTo(11);
    assertThat(derived.complicationTally())
        .containsEntry("POPF:GRADE_B", 1)
        .containsEntry("ITEM:PANCREATIC_FISTULA", 1)
        .containsEntry("GRADE:II", 1);
    // Not "tumour empty before a filled section": the esophagus sections are not this form's.
    assertThat(derived.warnings()).isEmpty();
  }

  @Test
  void pN3WithoutAOrBIsNotStagedButAgreesWithTheCount() {
    CaseData n3 =
        totalGastrectomy()
            .with(
                Section.GASTRIC_PATHOLOGY,
                values(
                    "gastric_path_prefix",
                    "P",
                    "gastric_pt",
                    "T3",
                    "gastric_pn",
                    "N3",
                    "gastric_pm",
                    "M0"));
    DerivedValues derived = DerivedValues.derivedFrom(n3);
    assertThat(derived.pathologicalStage().whyNotDerivable())
        .contains(StagingReason.N_SUBCATEGORY_NEEDED);
    assertThat(derived.warnings()).isEmpty();
  }

  @Test
  void recordedPnAgainstTheCountFewerThan16NodesAndPAfterChemotherapyWarn() {
    CaseData data =
        totalGastrectomy()
            .with(
                Section.GASTRIC_TUMOUR,
                values("gastric_chemotherapy", "PERIOPERATIVE", "gastric_ct", "T3"))
            .with(
                Section.GASTRIC_PATHOLOGY,
                values(
                    "gastric_path_prefix",
                    "P",
                    "gastric_pt",
                    "T3",
                    "gastric_pn",
                    "N1",
                    "gastric_pm",
                    "M0"))
            .withItems(Section.GASTRIC_NODES, List.of(station("S3", 3, 9), station("S6", 0, 6)));
    List<String> codes = new ArrayList<>();
    CaseWarnings.of(data).forEach(warning -> codes.add(warning.code()));
    assertThat(codes)
        .containsExactlyInAnyOrder("p-after-neoadjuvant", "pn-mismatch", "nodes-examined-under-16");
    assertThat(DerivedValues.derivedFrom(data).pnFromCount()).isEqualTo("N2");
  }

  @Test
  void sixteenPositiveNodesArePN3b() {
    CaseData data =
        totalGastrectomy()
            .withItems(
                Section.GASTRIC_NODES, List.of(station("S4SB", 10, 20), station("S7", 6, 9)));
    assertThat(DerivedValues.derivedFrom(data).pnFromCount()).isEqualTo("N3B");
  }

  @Test
  void positiveAboveExaminedAtAStationAndAnIsgpsGradeOnAnotherComplicationAreRefused() {
    assertThat(SaveChecks.errors(Section.GASTRIC_NODES, station("S7", 5, 4), totalGastrectomy()))
        .extracting(FieldProblem::variable)
        .containsExactly("station_nodes_positive");
    assertThat(
            SaveChecks.errors(
                Section.GASTRIC_COMPLICATIONS,
                values("gastric_complication_type", "ILEUS", "popf_grade", "GRADE_B"),
                totalGastrectomy()))
        .extracting(FieldProblem::variable)
        .containsExactly("popf_grade");
    assertThat(
            SaveChecks.errors(
                Section.GASTRIC_COMPLICATIONS,
                values("gastric_complication_type", "ILEUS", "popf_grade", "NOT_APPLICABLE"),
                totalGastrectomy()))
        .isEmpty();
  }

  @Test
  void anEsophagogastricJunctionTumourOver2cmIntoTheStomachIsStagedAsGastricWithANote() {
    CaseData esophagus =
        CaseData.empty()
            .with(
                Section.TUMOUR,
                values(
                    "tumour_location", "ESOPHAGOGASTRIC_JUNCTION",
                    "gastric_extension_over_2cm", "YES",
                    "histology", "ADENOCARCINOMA",
                    "ct", "T3",
                    "cn", "N0",
                    "cm", "M0"));
    DerivedValues derived = DerivedValues.derivedFrom(esophagus);
    assertThat(derived.clinicalStage())
        .isEqualTo(resultOf(StageGroup.IIB).withNote(StagingNote.STAGED_AS_GASTRIC));
  }

  private static StagingResult resultOf(StageGroup group) {
    return StagingResult.derived(group);
  }
}
