package org.caseregistry.cases.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.CaseCodes.YesNo;
import org.caseregistry.catalog.Keys;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.complication.ClavienDindoGrade;
import org.caseregistry.complication.ComprehensiveComplicationIndex;
import org.caseregistry.followup.FollowUpSummary;
import org.caseregistry.staging.ClinicalStagingInput;
import org.caseregistry.staging.EsophagusStaging;
import org.caseregistry.staging.Grade;
import org.caseregistry.staging.Histology;
import org.caseregistry.staging.MCategory;
import org.caseregistry.staging.NCategory;
import org.caseregistry.staging.PathologicalStagingInput;
import org.caseregistry.staging.StagePrefix;
import org.caseregistry.staging.StagingResult;
import org.caseregistry.staging.TCategory;
import org.caseregistry.staging.TumourLocation;

/**
 * How every derived value of a case follows from its data, in plain Java: BMI, age, stage groups,
 * pN from the node counts, length of stay, CCI, the complication tally, the sections filled, the
 * follow-up summary and the warnings. Reached through {@link DerivedValues#derivedFrom}, the one
 * entry point of every path that changes a case (forms, API, import).
 */
public final class CaseDerivation {

  private CaseDerivation() {}

  public static DerivedValues derive(CaseData data) {
    // A case recorded with the gastrectomy module is staged, counted and checked by its rules.
    boolean gastric = GastricRules.applies(data);
    List<SectionValues> nodes = data.items(gastric ? Section.GASTRIC_NODES : Section.NODES);
    Integer positive = sumOf(nodes, gastric ? Keys.STATION_NODES_POSITIVE : Keys.NODES_POSITIVE);
    Integer examined = sumOf(nodes, gastric ? Keys.STATION_NODES_EXAMINED : Keys.NODES_EXAMINED);
    List<ClavienDindoGrade> grades = grades(data);
    return new DerivedValues(
        bmi(data),
        ageAtSurgery(data),
        gastric ? GastricRules.clinicalStage(data) : clinicalStage(data),
        gastric ? GastricRules.pathologicalStage(data) : pathologicalStage(data),
        data.code(gastric ? Keys.GASTRIC_PATH_PREFIX : Keys.PATH_PREFIX),
        gastric
            ? GastricRules.pnFromCount(positive)
            : positive == null ? null : NCategory.fromPositiveNodes(positive).name(),
        positive,
        examined,
        lengthOfStay(data),
        cci(data, grades),
        ClavienDindoGrade.worst(grades).map(ClavienDindoGrade::name).orElse(null),
        data.items(Section.COMPLICATIONS).size() + data.items(Section.GASTRIC_COMPLICATIONS).size(),
        ComplicationTally.of(data),
        sectionsFilled(data),
        followUp(data),
        CaseWarnings.of(data));
  }

  /** What the follow-up visits sum up to, from the operation date (see {@link FollowUpSummary}). */
  static FollowUpSummary followUp(CaseData data) {
    List<FollowUpSummary.Visit> visits =
        data.items(Section.FOLLOWUP).stream()
            .map(
                item ->
                    new FollowUpSummary.Visit(
                        item.get(Keys.VISIT_MONTH) instanceof Number month
                            ? month.intValue()
                            : null,
                        item.get(Keys.VISIT_DATE) instanceof LocalDate date ? date : null,
                        (String) item.get(Keys.FOLLOWUP_STATUS)))
            .toList();
    return FollowUpSummary.of(operationDate(data), visits);
  }

  /** From height and weight when both are known, else the BMI entered. */
  static BigDecimal bmi(CaseData data) {
    BigDecimal height = data.decimal(Keys.HEIGHT_CM);
    BigDecimal weight = data.decimal(Keys.WEIGHT_KG);
    if (height != null && weight != null && height.signum() > 0) {
      BigDecimal metres = height.movePointLeft(2);
      return weight.divide(metres.multiply(metres), 2, RoundingMode.HALF_UP);
    }
    return data.decimal(Keys.BMI_ENTERED);
  }

  static Integer ageAtSurgery(CaseData data) {
    Integer age = data.integer(Keys.AGE_YEARS);
    if (age != null) {
      return age;
    }
    Integer birthYear = data.integer(Keys.BIRTH_YEAR);
    LocalDate operation = operationDate(data);
    return birthYear != null && operation != null ? operation.getYear() - birthYear : null;
  }

  static StagingResult clinicalStage(CaseData data) {
    return EsophagusStaging.clinical(
        new ClinicalStagingInput(
            orElse(data.enumValue(Keys.HISTOLOGY, Histology.class), Histology.UNKNOWN),
            orElse(data.enumValue(Keys.CT, TCategory.class), TCategory.TX),
            orElse(data.enumValue(Keys.CN, NCategory.class), NCategory.NX),
            orElse(data.enumValue(Keys.CM, MCategory.class), MCategory.MX),
            gastricExtension(data)));
  }

  /** Null until the pathology section says whether it is pTNM or ypTNM. */
  static StagingResult pathologicalStage(CaseData data) {
    StagePrefix prefix = data.enumValue(Keys.PATH_PREFIX, StagePrefix.class);
    if (prefix == null) {
      return null;
    }
    return EsophagusStaging.pathologicalOrYp(
        prefix,
        new PathologicalStagingInput(
            orElse(data.enumValue(Keys.HISTOLOGY, Histology.class), Histology.UNKNOWN),
            orElse(data.enumValue(Keys.PT, TCategory.class), TCategory.TX),
            orElse(data.enumValue(Keys.PN, NCategory.class), NCategory.NX),
            orElse(data.enumValue(Keys.PM, MCategory.class), MCategory.MX),
            orElse(data.enumValue(Keys.GRADE, Grade.class), Grade.GX),
            orElse(
                data.enumValue(Keys.TUMOUR_LOCATION, TumourLocation.class), TumourLocation.UNKNOWN),
            gastricExtension(data)));
  }

  private static boolean gastricExtension(CaseData data) {
    return YesNo.YES.name().equals(data.code(Keys.GASTRIC_EXTENSION_OVER_2CM));
  }

  /** The operation date of either module's operation section. */
  static LocalDate operationDate(CaseData data) {
    LocalDate esophagectomy = data.date(Keys.OPERATION_DATE);
    return esophagectomy != null ? esophagectomy : data.date(Keys.GASTRIC_OPERATION_DATE);
  }

  static LocalDate dischargeDate(CaseData data) {
    LocalDate esophagectomy = data.date(Keys.DISCHARGE_DATE);
    return esophagectomy != null ? esophagectomy : data.date(Keys.GASTRIC_DISCHARGE_DATE);
  }

  static Integer lengthOfStay(CaseData data) {
    LocalDate operation = operationDate(data);
    LocalDate discharge = dischargeDate(data);
    return operation != null && discharge != null
        ? (int) ChronoUnit.DAYS.between(operation, discharge)
        : null;
  }

  /** Zero when the case had no complication, unknown while that is not recorded. */
  static BigDecimal cci(CaseData data, List<ClavienDindoGrade> grades) {
    if (!grades.isEmpty()) {
      return ComprehensiveComplicationIndex.of(grades).value();
    }
    return YesNo.NO.name().equals(data.code(Keys.ANY_COMPLICATION))
            || YesNo.NO.name().equals(data.code(Keys.GASTRIC_ANY_COMPLICATION))
        ? BigDecimal.ZERO.setScale(1)
        : null;
  }

  private static List<ClavienDindoGrade> grades(CaseData data) {
    List<ClavienDindoGrade> grades = new ArrayList<>();
    for (SectionValues item : data.items(Section.COMPLICATIONS)) {
      addGrade(grades, (String) item.get(Keys.CLAVIEN_DINDO));
    }
    for (SectionValues item : data.items(Section.GASTRIC_COMPLICATIONS)) {
      addGrade(grades, (String) item.get(Keys.GASTRIC_CLAVIEN_DINDO));
    }
    return grades;
  }

  private static void addGrade(List<ClavienDindoGrade> grades, String grade) {
    if (grade != null) {
      grades.add(ClavienDindoGrade.valueOf(grade));
    }
  }

  static Set<Section> sectionsFilled(CaseData data) {
    Set<Section> filled = EnumSet.noneOf(Section.class);
    for (Section section : Section.values()) {
      if (data.isFilled(section)) {
        filled.add(section);
      }
    }
    // "No complication" is a complete answer for the complications list.
    if (YesNo.NO.name().equals(data.code(Keys.ANY_COMPLICATION))) {
      filled.add(Section.COMPLICATIONS);
    }
    if (YesNo.NO.name().equals(data.code(Keys.GASTRIC_ANY_COMPLICATION))) {
      filled.add(Section.GASTRIC_COMPLICATIONS);
    }
    return filled;
  }

  private static Integer sumOf(List<SectionValues> items, Variable variable) {
    List<Integer> values =
        items.stream().map(item -> (Integer) item.get(variable)).filter(Objects::nonNull).toList();
    return values.isEmpty() ? null : values.stream().mapToInt(Integer::intValue).sum();
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
