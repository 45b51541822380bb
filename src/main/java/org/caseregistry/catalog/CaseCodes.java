package org.caseregistry.catalog;

/**
 * The coded values of a case that are not staging or complication categories. Every code list that
 * can be unknown has UNKNOWN; NOT_APPLICABLE where it makes sense.
 */
public final class CaseCodes {

  private CaseCodes() {}

  public enum Sex {
    MALE,
    FEMALE,
    UNKNOWN
  }

  public enum YesNo {
    YES,
    NO,
    UNKNOWN
  }

  public enum AsaClass {
    I,
    II,
    III,
    IV,
    V,
    VI,
    UNKNOWN
  }

  public enum NeoadjuvantTherapy {
    NONE,
    CHEMOTHERAPY,
    CHEMORADIOTHERAPY,
    OTHER,
    UNKNOWN
  }

  public enum ThoracicApproach {
    THORACOSCOPIC,
    ROBOTIC,
    OPEN,
    UNKNOWN
  }

  public enum AbdominalApproach {
    LAPAROSCOPIC,
    ROBOTIC,
    OPEN,
    UNKNOWN
  }

  public enum AnastomosisSite {
    CERVICAL,
    INTRATHORACIC,
    UNKNOWN
  }

  public enum AnastomosisTechnique {
    HAND_SEWN,
    CIRCULAR_STAPLED,
    LINEAR_STAPLED,
    HYBRID,
    OTHER,
    UNKNOWN
  }

  public enum Lymphadenectomy {
    ABDOMINAL,
    TWO_FIELD,
    THREE_FIELD,
    NONE,
    UNKNOWN
  }

  public enum StomachCondition {
    NORMAL,
    PREVIOUS_GASTROSTOMY,
    PREVIOUS_GASTRIC_SURGERY,
    UNKNOWN
  }

  public enum Conduit {
    WHOLE_STOMACH,
    GASTRIC_TUBE,
    COLON,
    JEJUNUM,
    OTHER,
    UNKNOWN
  }

  public enum ResectionMargin {
    R0,
    R1,
    R2,
    UNKNOWN
  }

  public enum AdjuvantTherapy {
    NONE,
    CHEMOTHERAPY,
    CHEMORADIOTHERAPY,
    RADIOTHERAPY,
    IMMUNOTHERAPY,
    OTHER,
    UNKNOWN
  }

  public enum NodeField {
    CERVICAL,
    THORACIC,
    ABDOMINAL,
    UNKNOWN
  }

  public enum FollowUpStatus {
    WELL,
    REFLUX,
    DYSPHAGIA,
    ANASTOMOTIC_STRICTURE,
    RECURRENCE,
    METASTASIS,
    DIED,
    UNKNOWN
  }

  public enum CaseStatus {
    ACTIVE,
    WITHDRAWN
  }
}
