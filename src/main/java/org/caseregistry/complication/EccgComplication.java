package org.caseregistry.complication;

import static org.caseregistry.complication.EccgCategory.CARDIAC;
import static org.caseregistry.complication.EccgCategory.GASTROINTESTINAL;
import static org.caseregistry.complication.EccgCategory.INFECTION;
import static org.caseregistry.complication.EccgCategory.NEUROLOGIC_PSYCHIATRIC;
import static org.caseregistry.complication.EccgCategory.PULMONARY;
import static org.caseregistry.complication.EccgCategory.THROMBOEMBOLIC;
import static org.caseregistry.complication.EccgCategory.UROLOGIC;
import static org.caseregistry.complication.EccgCategory.WOUND_DIAPHRAGM;

import java.util.List;
import java.util.stream.Stream;
import org.caseregistry.platform.EnumCodes;

/**
 * Complications as the ECCG lists them (Low et al., Ann Surg 2015), each in its category. Four
 * carry a severity type I–III.
 */
public enum EccgComplication {
  PNEUMONIA(PULMONARY),
  PLEURAL_EFFUSION(PULMONARY),
  PNEUMOTHORAX(PULMONARY),
  ATELECTASIS(PULMONARY),
  RESPIRATORY_FAILURE(PULMONARY),
  ARDS(PULMONARY),
  ACUTE_ASPIRATION(PULMONARY),
  TRACHEOBRONCHIAL_INJURY(PULMONARY),
  PROLONGED_AIR_LEAK(PULMONARY),

  CARDIAC_ARREST(CARDIAC),
  MYOCARDIAL_INFARCTION(CARDIAC),
  ATRIAL_ARRHYTHMIA(CARDIAC),
  VENTRICULAR_ARRHYTHMIA(CARDIAC),
  HEART_FAILURE(CARDIAC),
  PERICARDITIS(CARDIAC),

  ANASTOMOTIC_LEAK(GASTROINTESTINAL, Severity.TYPED),
  CONDUIT_NECROSIS(GASTROINTESTINAL, Severity.TYPED),
  ILEUS(GASTROINTESTINAL),
  SMALL_BOWEL_OBSTRUCTION(GASTROINTESTINAL),
  FEEDING_JEJUNOSTOMY_COMPLICATION(GASTROINTESTINAL),
  PYLOROPLASTY_COMPLICATION(GASTROINTESTINAL),
  CLOSTRIDIOIDES_DIFFICILE_INFECTION(GASTROINTESTINAL),
  GASTROINTESTINAL_BLEEDING(GASTROINTESTINAL),
  /** The seed series' BN4 ("ứ đọng dạ dày"). */
  DELAYED_CONDUIT_EMPTYING(GASTROINTESTINAL),
  PANCREATITIS(GASTROINTESTINAL),
  LIVER_DYSFUNCTION(GASTROINTESTINAL),

  ACUTE_KIDNEY_INJURY(UROLOGIC),
  ACUTE_RENAL_FAILURE_REQUIRING_DIALYSIS(UROLOGIC),
  URINARY_TRACT_INFECTION(UROLOGIC),
  URINARY_RETENTION(UROLOGIC),

  DEEP_VEIN_THROMBOSIS(THROMBOEMBOLIC),
  PULMONARY_EMBOLISM(THROMBOEMBOLIC),
  /** The ECCG counts stroke as thromboembolic. */
  STROKE(THROMBOEMBOLIC),
  PERIPHERAL_THROMBOPHLEBITIS(THROMBOEMBOLIC),

  RECURRENT_LARYNGEAL_NERVE_INJURY(NEUROLOGIC_PSYCHIATRIC, Severity.TYPED),
  OTHER_NEUROLOGICAL_INJURY(NEUROLOGIC_PSYCHIATRIC),
  DELIRIUM(NEUROLOGIC_PSYCHIATRIC),
  DELIRIUM_TREMENS(NEUROLOGIC_PSYCHIATRIC),

  WOUND_INFECTION(INFECTION),
  CENTRAL_LINE_INFECTION(INFECTION),
  INTRATHORACIC_OR_INTRAABDOMINAL_ABSCESS(INFECTION),
  SEPSIS(INFECTION),
  OTHER_INFECTION(INFECTION),

  THORACIC_WOUND_DEHISCENCE(WOUND_DIAPHRAGM),
  ABDOMINAL_WALL_DEHISCENCE(WOUND_DIAPHRAGM),
  DIAPHRAGMATIC_HERNIA(WOUND_DIAPHRAGM),

  /** The ECCG counts chyle leak under "other". */
  CHYLE_LEAK(EccgCategory.OTHER, Severity.TYPED),
  REOPERATION_FOR_OTHER_REASON(EccgCategory.OTHER),
  MULTIPLE_ORGAN_DYSFUNCTION(EccgCategory.OTHER),
  /** Anything the list does not name; describe it in free text. */
  OTHER(EccgCategory.OTHER);

  private enum Severity {
    UNTYPED,
    TYPED
  }

  private final EccgCategory category;
  private final Severity severity;

  EccgComplication(EccgCategory category) {
    this(category, Severity.UNTYPED);
  }

  EccgComplication(EccgCategory category, Severity severity) {
    this.category = category;
    this.severity = severity;
  }

  /** "anastomotic-leak", "delayed-conduit-emptying". */
  public String code() {
    return EnumCodes.kebab(this);
  }

  public String messageKey() {
    return "complication.eccg.item." + code();
  }

  public EccgCategory category() {
    return category;
  }

  /** Whether a severity type I–III is recorded with this complication. */
  public boolean hasSeverityType() {
    return severity == Severity.TYPED;
  }

  /**
   * What the type means for this complication, e.g. anastomotic leak type II: interventional, not
   * surgical, therapy.
   *
   * @throws IllegalArgumentException for a complication without severity types
   */
  public String severityDefinitionKey(EccgSeverityType type) {
    if (!hasSeverityType()) {
      throw new IllegalArgumentException(this + " has no ECCG severity type");
    }
    return messageKey() + "." + EnumCodes.kebab(type);
  }

  public static List<EccgComplication> inCategory(EccgCategory category) {
    return Stream.of(values()).filter(complication -> complication.category == category).toList();
  }

  public static EccgComplication fromCode(String code) {
    return EnumCodes.fromCode(EccgComplication.class, EccgComplication::code, code);
  }
}
