package org.caseregistry.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A row a per-patient table can show: the seed paper's rows (shown by default) and a few more a
 * coordinator may add. Each row says where its value comes from and what its overall cell counts.
 */
enum PatientRow {
  // Table 1: preoperative characteristics
  AGE(Table.PREOPERATIVE, Source.NUMBER, "age_at_surgery", null, true),
  SEX(Table.PREOPERATIVE, Source.CODE, "sex", null, true),
  BMI(Table.PREOPERATIVE, Source.NUMBER, "bmi", null, true),
  TUMOUR_LOCATION(Table.PREOPERATIVE, Source.CODE, "tumour_location", null, true),
  CTNM(Table.PREOPERATIVE, Source.CLINICAL_TNM, null, null, true),
  ASA_CLASS(Table.PREOPERATIVE, Source.CODE, "asa_class", null, true),
  NEOADJUVANT_THERAPY(Table.PREOPERATIVE, Source.CODE, "neoadjuvant_therapy", null, true),
  HISTOLOGY(Table.PREOPERATIVE, Source.CODE, "histology", null, false),
  CLINICAL_STAGE(Table.PREOPERATIVE, Source.STAGE, "clinical_stage", null, false),
  // Table 2: operative details
  THORACIC_APPROACH(Table.OPERATIVE, Source.CODE, "thoracic_approach", "THORACOSCOPIC", true),
  ABDOMINAL_APPROACH(Table.OPERATIVE, Source.CODE, "abdominal_approach", "LAPAROSCOPIC", true),
  ANASTOMOSIS_SITE(Table.OPERATIVE, Source.CODE, "anastomosis_site", null, true),
  LYMPHADENECTOMY(Table.OPERATIVE, Source.CODE, "lymphadenectomy", null, true),
  STOMACH_CONDITION(
      Table.OPERATIVE, Source.CODE, "stomach_condition", "PREVIOUS_GASTROSTOMY", true),
  CONDUIT_TIME(Table.OPERATIVE, Source.NUMBER, "conduit_time_min", null, true),
  PYLOROPLASTY(Table.OPERATIVE, Source.CODE, "pyloroplasty", null, true),
  FEEDING_JEJUNOSTOMY(Table.OPERATIVE, Source.CODE, "feeding_jejunostomy", null, true),
  INTRAOP_COMPLICATION(Table.OPERATIVE, Source.CODE, "intraop_complication", null, true),
  CONDUIT(Table.OPERATIVE, Source.CODE, "conduit", null, false),
  ANASTOMOSIS_TECHNIQUE(Table.OPERATIVE, Source.CODE, "anastomosis_technique", null, false),
  OPERATIVE_TIME(Table.OPERATIVE, Source.NUMBER, "operative_time_min", null, false),
  BLOOD_LOSS(Table.OPERATIVE, Source.NUMBER, "blood_loss_ml", null, false),
  // Table 3: postoperative results
  CHEST_DRAIN_REMOVAL(Table.POSTOPERATIVE, Source.NUMBER, "chest_drain_removal_pod", null, true),
  NG_TUBE_REMOVAL(Table.POSTOPERATIVE, Source.NUMBER, "ng_tube_removal_pod", null, true),
  ORAL_INTAKE(Table.POSTOPERATIVE, Source.NUMBER, "oral_intake_pod", null, true),
  THORACIC_NODES(Table.POSTOPERATIVE, Source.NODES, "THORACIC", null, true),
  ABDOMINAL_NODES(Table.POSTOPERATIVE, Source.NODES, "ABDOMINAL", null, true),
  PTNM(Table.POSTOPERATIVE, Source.PATHOLOGICAL_TNM, null, null, true),
  EARLY_COMPLICATIONS(Table.POSTOPERATIVE, Source.COMPLICATIONS, null, null, true),
  ADJUVANT_THERAPY(Table.POSTOPERATIVE, Source.CODE, "adjuvant_therapy", null, true),
  FOLLOWUP_1_MONTH(Table.POSTOPERATIVE, Source.FOLLOWUP, "1", null, true),
  FOLLOWUP_3_MONTHS(Table.POSTOPERATIVE, Source.FOLLOWUP, "3", null, true),
  LENGTH_OF_STAY(Table.POSTOPERATIVE, Source.NUMBER, "length_of_stay_days", null, false),
  CCI(Table.POSTOPERATIVE, Source.NUMBER, "cci", null, false),
  WORST_CLAVIEN_DINDO(Table.POSTOPERATIVE, Source.CODE, "worst_clavien_dindo", null, false),
  PATHOLOGICAL_STAGE(Table.POSTOPERATIVE, Source.STAGE, "pathological_stage", null, false),
  GRADE(Table.POSTOPERATIVE, Source.CODE, "grade", null, false),
  RESECTION_MARGIN(Table.POSTOPERATIVE, Source.CODE, "resection_margin", null, false),
  MORTALITY_90D(Table.POSTOPERATIVE, Source.CODE, "mortality_90d", null, false),
  // The gastrectomy module's rows: a gastric series' defaults (GASTRIC_DEFAULTS).
  GASTRIC_LOCATION(Table.PREOPERATIVE, Source.CODE, "gastric_location", null, false),
  GASTRIC_HISTOLOGY(Table.PREOPERATIVE, Source.CODE, "gastric_histology", null, false),
  LAUREN_TYPE(Table.PREOPERATIVE, Source.CODE, "lauren_type", null, false),
  GASTRIC_CTNM(Table.PREOPERATIVE, Source.CLINICAL_TNM, "gastric", null, false),
  GASTRIC_CHEMOTHERAPY(Table.PREOPERATIVE, Source.CODE, "gastric_chemotherapy", null, false),
  GASTRIC_APPROACH(Table.OPERATIVE, Source.CODE, "gastric_approach", "LAPAROSCOPIC", false),
  GASTRECTOMY_EXTENT(Table.OPERATIVE, Source.CODE, "gastrectomy_extent", "TOTAL", false),
  LYMPHADENECTOMY_LEVEL(Table.OPERATIVE, Source.CODE, "lymphadenectomy_level", "D2", false),
  RECONSTRUCTION(Table.OPERATIVE, Source.CODE, "reconstruction", null, false),
  GASTRIC_OPERATIVE_TIME(Table.OPERATIVE, Source.NUMBER, "gastric_operative_time_min", null, false),
  GASTRIC_BLOOD_LOSS(Table.OPERATIVE, Source.NUMBER, "gastric_blood_loss_ml", null, false),
  FLATUS(Table.POSTOPERATIVE, Source.NUMBER, "flatus_pod", null, false),
  GASTRIC_ORAL_INTAKE(Table.POSTOPERATIVE, Source.NUMBER, "gastric_oral_intake_pod", null, false),
  NODES_EXAMINED(Table.POSTOPERATIVE, Source.NUMBER, "nodes_examined_total", null, false),
  PN_FROM_COUNT(Table.POSTOPERATIVE, Source.CODE, "pn_from_count", null, false),
  GASTRIC_PTNM(Table.POSTOPERATIVE, Source.PATHOLOGICAL_TNM, "gastric", null, false);

  /** The field of the TNM rows that read the gastric sections' categories. */
  static final String GASTRIC = "gastric";

  /** The rows a gastric series shows until a coordinator chooses otherwise. */
  static List<PatientRow> gastricDefaults() {
    return List.of(
        AGE,
        SEX,
        BMI,
        ASA_CLASS,
        GASTRIC_LOCATION,
        GASTRIC_HISTOLOGY,
        LAUREN_TYPE,
        GASTRIC_CTNM,
        GASTRIC_CHEMOTHERAPY,
        GASTRIC_APPROACH,
        GASTRECTOMY_EXTENT,
        LYMPHADENECTOMY_LEVEL,
        RECONSTRUCTION,
        GASTRIC_OPERATIVE_TIME,
        GASTRIC_BLOOD_LOSS,
        FLATUS,
        GASTRIC_ORAL_INTAKE,
        NODES_EXAMINED,
        PN_FROM_COUNT,
        GASTRIC_PTNM,
        PATHOLOGICAL_STAGE,
        LENGTH_OF_STAY,
        CCI,
        WORST_CLAVIEN_DINDO);
  }

  /** The paper's three tables. */
  enum Table {
    PREOPERATIVE,
    OPERATIVE,
    POSTOPERATIVE;

    String id() {
      return name().toLowerCase();
    }

    String titleKey() {
      return "report.patients.table." + id();
    }
  }

  /** Where a row's value comes from, which decides how it is shown and summarised. */
  enum Source {
    /** A number: the overall cell is the mean. */
    NUMBER,
    /** A code: the overall cell is n/N of the reference code (or of the most frequent one). */
    CODE,
    CLINICAL_TNM,
    PATHOLOGICAL_TNM,
    STAGE,
    /** Positive / examined nodes of one field: n/N patients with at least one positive node. */
    NODES,
    /** The complications listed: n/N patients with at least one. */
    COMPLICATIONS,
    /** The status at the visit of this month after surgery. */
    FOLLOWUP
  }

  private final Table table;
  private final Source source;
  private final String field;
  private final String referenceCode;
  private final boolean inPaper;

  PatientRow(Table table, Source source, String field, String referenceCode, boolean inPaper) {
    this.table = table;
    this.source = source;
    this.field = field;
    this.referenceCode = referenceCode;
    this.inPaper = inPaper;
  }

  Table table() {
    return table;
  }

  Source source() {
    return source;
  }

  /** The column (or node field, or follow-up month) the row reads. */
  String field() {
    return field;
  }

  /** The code whose n/N the overall cell gives, as the paper did; empty: the most frequent code. */
  Optional<String> referenceCode() {
    return Optional.ofNullable(referenceCode);
  }

  /** Shown unless a coordinator chose otherwise: the seed paper's rows. */
  boolean inPaper() {
    return inPaper;
  }

  String id() {
    return name().toLowerCase();
  }

  String labelKey() {
    return "report.row." + id();
  }

  static List<PatientRow> paperRows() {
    return Arrays.stream(values()).filter(PatientRow::inPaper).toList();
  }

  static List<PatientRow> of(Table table) {
    return Arrays.stream(values()).filter(row -> row.table == table).toList();
  }

  static Optional<PatientRow> fromId(String id) {
    return Arrays.stream(values()).filter(row -> row.id().equals(id)).findFirst();
  }
}
