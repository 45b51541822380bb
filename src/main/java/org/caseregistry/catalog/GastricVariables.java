package org.caseregistry.catalog;

import static org.caseregistry.catalog.CaseVariables.code;
import static org.caseregistry.catalog.CaseVariables.date;
import static org.caseregistry.catalog.CaseVariables.decimal;
import static org.caseregistry.catalog.CaseVariables.integer;
import static org.caseregistry.catalog.CaseVariables.section;
import static org.caseregistry.catalog.CaseVariables.text;
import static org.caseregistry.catalog.Section.GASTRIC_COMPLICATIONS;
import static org.caseregistry.catalog.Section.GASTRIC_NODES;
import static org.caseregistry.catalog.Section.GASTRIC_OPERATION;
import static org.caseregistry.catalog.Section.GASTRIC_PATHOLOGY;
import static org.caseregistry.catalog.Section.GASTRIC_POSTOP;
import static org.caseregistry.catalog.Section.GASTRIC_TUMOUR;

import java.util.Set;
import org.caseregistry.catalog.CaseCodes.ResectionMargin;
import org.caseregistry.catalog.CaseCodes.YesNo;
import org.caseregistry.catalog.GastricCodes.BorrmannType;
import org.caseregistry.catalog.GastricCodes.ChemotherapyRegimen;
import org.caseregistry.catalog.GastricCodes.CombinedResection;
import org.caseregistry.catalog.GastricCodes.GastrectomyExtent;
import org.caseregistry.catalog.GastricCodes.GastricApproach;
import org.caseregistry.catalog.GastricCodes.GastricChemotherapy;
import org.caseregistry.catalog.GastricCodes.GastricComplication;
import org.caseregistry.catalog.GastricCodes.GastricLocation;
import org.caseregistry.catalog.GastricCodes.JgcaStation;
import org.caseregistry.catalog.GastricCodes.LaurenType;
import org.caseregistry.catalog.GastricCodes.LymphadenectomyLevel;
import org.caseregistry.catalog.GastricCodes.PancreaticFistulaGrade;
import org.caseregistry.catalog.GastricCodes.Reconstruction;
import org.caseregistry.complication.ClavienDindoGrade;
import org.caseregistry.staging.GastricHistology;
import org.caseregistry.staging.GastricNCategory;
import org.caseregistry.staging.Grade;
import org.caseregistry.staging.MCategory;
import org.caseregistry.staging.StagePrefix;
import org.caseregistry.staging.TCategory;

/**
 * The variables of the gastrectomy module (domain.md, "Gastric cancer"), registered into {@link
 * CaseVariables} after the esophagus ones. Names carry "gastric_" where the esophagus has a
 * variable of the same meaning, because a name is also its database and export column.
 */
final class GastricVariables {

  private GastricVariables() {}

  static void register() {
    section(
        GASTRIC_TUMOUR,
        code("gastric_location", GastricLocation.class),
        code("borrmann_type", BorrmannType.class),
        code("lauren_type", LaurenType.class),
        code("gastric_histology", GastricHistology.class),
        code("gastric_ct", TCategory.class).literal(TCategory::code),
        code("gastric_cn", GastricNCategory.class).literal(GastricNCategory::code),
        code("gastric_cm", MCategory.class).literal(MCategory::code),
        code("gastric_chemotherapy", GastricChemotherapy.class),
        code("chemotherapy_regimen", ChemotherapyRegimen.class),
        integer("chemotherapy_cycles_before_surgery", 0, 30).usual(1, 8).notApplicable());
    section(
        GASTRIC_OPERATION,
        date("gastric_operation_date"),
        code("gastric_approach", GastricApproach.class),
        code("gastrectomy_extent", GastrectomyExtent.class),
        code("lymphadenectomy_level", LymphadenectomyLevel.class),
        code("reconstruction", Reconstruction.class),
        code("combined_resection", CombinedResection.class),
        text("combined_resection_details", 500).notApplicable(),
        integer("gastric_operative_time_min", 0, 1440).usual(60, 480),
        integer("gastric_blood_loss_ml", 0, 20000).usual(0, 1000),
        code("gastric_intraop_event", YesNo.class),
        text("gastric_intraop_event_details", 1000).notApplicable());
    section(
        GASTRIC_POSTOP,
        integer("flatus_pod", 0, 60).usual(1, 7),
        integer("gastric_oral_intake_pod", 0, 365).usual(1, 14),
        date("gastric_discharge_date"),
        code("gastric_any_complication", YesNo.class),
        code("gastric_readmission_30d", YesNo.class),
        code("gastric_mortality_30d", YesNo.class),
        code("gastric_mortality_90d", YesNo.class));
    section(
        GASTRIC_COMPLICATIONS,
        code("gastric_complication_type", GastricComplication.class),
        text("gastric_complication_description", 500),
        code("popf_grade", PancreaticFistulaGrade.class),
        code("gastric_clavien_dindo", ClavienDindoGrade.class).literal(ClavienDindoGrade::code),
        integer("gastric_onset_pod", 0, 365).usual(0, 90),
        code("gastric_present_at_discharge", YesNo.class));
    section(
        GASTRIC_PATHOLOGY,
        code("gastric_path_prefix", StagePrefix.class, Set.of("P", "YP"))
            .literal(StagePrefix::code),
        code("gastric_pt", TCategory.class).literal(TCategory::code),
        code("gastric_pn", GastricNCategory.class).literal(GastricNCategory::code),
        code("gastric_pm", MCategory.class).literal(MCategory::code),
        code("gastric_grade", Grade.class).literal(Grade::code),
        decimal("proximal_margin_cm", 0, 50).usual(1, 15),
        decimal("distal_margin_cm", 0, 50).usual(1, 15),
        code("gastric_resection_margin", ResectionMargin.class).literal(Enum::name));
    section(
        GASTRIC_NODES,
        code("jgca_station", JgcaStation.class).literal(GastricVariables::stationLabel),
        integer("station_nodes_positive", 0, 200).usual(0, 30),
        integer("station_nodes_examined", 0, 300).usual(0, 60));
  }

  /** "No. 4sb" for a station; OTHER and UNKNOWN take their translated labels. */
  private static String stationLabel(JgcaStation station) {
    return station == JgcaStation.OTHER || station == JgcaStation.UNKNOWN
        ? null
        : "No. " + station.number();
  }
}
