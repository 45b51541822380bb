package org.caseregistry.catalog;

import org.caseregistry.complication.EccgCategory;

/**
 * The coded values of the gastrectomy module (domain.md, "Gastric cancer"). Staging categories are
 * in the staging package; every list that can be unknown has UNKNOWN.
 */
public final class GastricCodes {

  private GastricCodes() {}

  /** Location of the tumour epicentre in the stomach. */
  public enum GastricLocation {
    CARDIA_UPPER_THIRD,
    BODY_MIDDLE_THIRD,
    ANTRUM_LOWER_THIRD,
    WHOLE_STOMACH,
    /** Esophagogastric junction with the epicentre more than 2 cm into the stomach. */
    EGJ_OVER_2CM_INTO_STOMACH,
    REMNANT_STOMACH,
    UNKNOWN
  }

  /** Macroscopic type (Borrmann; type 0 superficial as in the Japanese classification). */
  public enum BorrmannType {
    TYPE_0,
    TYPE_1,
    TYPE_2,
    TYPE_3,
    TYPE_4,
    TYPE_5,
    UNKNOWN
  }

  public enum LaurenType {
    INTESTINAL,
    DIFFUSE,
    MIXED,
    INDETERMINATE,
    UNKNOWN
  }

  /** Chemotherapy around the operation: before only, or before and after (perioperative). */
  public enum GastricChemotherapy {
    NONE,
    NEOADJUVANT,
    PERIOPERATIVE,
    UNKNOWN
  }

  public enum ChemotherapyRegimen {
    FLOT,
    CAPOX,
    FOLFOX,
    SOX,
    ECF_ECX_EOX,
    CISPLATIN_FLUOROPYRIMIDINE,
    OTHER,
    NOT_APPLICABLE,
    UNKNOWN
  }

  public enum GastricApproach {
    OPEN,
    LAPAROSCOPIC,
    ROBOTIC,
    /** Begun minimally invasive, converted to open. */
    CONVERTED,
    UNKNOWN
  }

  public enum GastrectomyExtent {
    DISTAL,
    TOTAL,
    PROXIMAL,
    PYLORUS_PRESERVING,
    COMPLETION,
    UNKNOWN
  }

  /** Lymphadenectomy level by the JGCA station groups. */
  public enum LymphadenectomyLevel {
    D1,
    D1_PLUS,
    D2,
    D2_PLUS,
    UNKNOWN
  }

  public enum Reconstruction {
    BILLROTH_I,
    BILLROTH_II,
    ROUX_EN_Y,
    DOUBLE_TRACT,
    ESOPHAGOGASTROSTOMY,
    JEJUNAL_INTERPOSITION,
    OTHER,
    UNKNOWN
  }

  /** Organs resected with the stomach; more than one is MULTIPLE, named in the details. */
  public enum CombinedResection {
    NONE,
    SPLEEN,
    PANCREAS_TAIL,
    COLON,
    LIVER,
    GALLBLADDER,
    MULTIPLE,
    OTHER,
    UNKNOWN
  }

  /** Lymph node stations of the Japanese Gastric Cancer Association. */
  public enum JgcaStation {
    S1("1"),
    S2("2"),
    S3("3"),
    S4SA("4sa"),
    S4SB("4sb"),
    S4D("4d"),
    S5("5"),
    S6("6"),
    S7("7"),
    S8A("8a"),
    S9("9"),
    S10("10"),
    S11P("11p"),
    S11D("11d"),
    S12A("12a"),
    S14V("14v"),
    S16A2("16a2"),
    S16B1("16b1"),
    /** A station outside this list, or nodes sent without a station. */
    OTHER("other"),
    UNKNOWN("unknown");

    private final String number;

    JgcaStation(String number) {
      this.number = number;
    }

    /** "4sb", "11p": as the JGCA numbers it. */
    public String number() {
      return number;
    }
  }

  /**
   * Complications after gastrectomy (domain.md), each graded by Clavien-Dindo, in the ECCG category
   * the dashboard counts it under, as for the esophagus.
   */
  public enum GastricComplication {
    ANASTOMOTIC_LEAK(EccgCategory.GASTROINTESTINAL),
    DUODENAL_STUMP_LEAK(EccgCategory.GASTROINTESTINAL),
    PANCREATIC_FISTULA(EccgCategory.GASTROINTESTINAL),
    INTRA_ABDOMINAL_ABSCESS(EccgCategory.INFECTION),
    INTRALUMINAL_BLEEDING(EccgCategory.GASTROINTESTINAL),
    INTRA_ABDOMINAL_BLEEDING(EccgCategory.GASTROINTESTINAL),
    DELAYED_GASTRIC_EMPTYING(EccgCategory.GASTROINTESTINAL),
    ILEUS(EccgCategory.GASTROINTESTINAL),
    WOUND_INFECTION(EccgCategory.WOUND_DIAPHRAGM),
    PNEUMONIA(EccgCategory.PULMONARY),
    CARDIAC(EccgCategory.CARDIAC),
    THROMBOEMBOLIC(EccgCategory.THROMBOEMBOLIC),
    URINARY(EccgCategory.UROLOGIC),
    OTHER(EccgCategory.OTHER);

    private final EccgCategory category;

    GastricComplication(EccgCategory category) {
      this.category = category;
    }

    public EccgCategory category() {
      return category;
    }
  }

  /** Postoperative pancreatic fistula by the ISGPS 2016 definition. */
  public enum PancreaticFistulaGrade {
    /** No clinical impact: not a fistula in the ISGPS 2016 sense, recorded for completeness. */
    BIOCHEMICAL_LEAK,
    GRADE_B,
    GRADE_C,
    NOT_APPLICABLE,
    UNKNOWN
  }
}
