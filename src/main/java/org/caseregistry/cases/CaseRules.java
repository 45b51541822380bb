package org.caseregistry.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.caseregistry.catalog.CaseCodes.NeoadjuvantTherapy;
import org.caseregistry.catalog.CaseCodes.YesNo;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.complication.ClavienDindoGrade;
import org.caseregistry.complication.ComprehensiveComplicationIndex;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.followup.FollowUpSummary;
import org.caseregistry.staging.ClinicalStagingInput;
import org.caseregistry.staging.EsophagusStaging;
import org.caseregistry.staging.Grade;
import org.caseregistry.staging.Histology;
import org.caseregistry.staging.MCategory;
import org.caseregistry.staging.NCategory;
import org.caseregistry.staging.NodeCount;
import org.caseregistry.staging.PathologicalStagingInput;
import org.caseregistry.staging.StagePrefix;
import org.caseregistry.staging.StagingChecks;
import org.caseregistry.staging.StagingResult;
import org.caseregistry.staging.StagingWarning;
import org.caseregistry.staging.TCategory;
import org.caseregistry.staging.TumourLocation;

/**
 * The clinical rules of a case, in plain Java: what is derived from it, what refuses a save, and
 * what only flags the case. Staging and the complication index come from their own packages.
 */
public final class CaseRules {

  private CaseRules() {}

  // ---------------------------------------------------------------- derived values

  public static DerivedValues derive(CaseData data) {
    // A case recorded with the gastrectomy module is staged, counted and checked by its rules.
    boolean gastric = GastricRules.applies(data);
    List<SectionValues> nodes = data.items(gastric ? Section.GASTRIC_NODES : Section.NODES);
    Integer positive = sumOf(nodes, gastric ? "station_nodes_positive" : "nodes_positive");
    Integer examined = sumOf(nodes, gastric ? "station_nodes_examined" : "nodes_examined");
    List<ClavienDindoGrade> grades = grades(data);
    return new DerivedValues(
        bmi(data),
        ageAtSurgery(data),
        gastric ? GastricRules.clinicalStage(data) : clinicalStage(data),
        gastric ? GastricRules.pathologicalStage(data) : pathologicalStage(data),
        data.code(gastric ? "gastric_path_prefix" : "path_prefix"),
        gastric
            ? GastricRules.pnFromCount(positive)
            : positive == null ? null : NCategory.fromPositiveNodes(positive).name(),
        positive,
        examined,
        lengthOfStay(data),
        cci(data, grades),
        ClavienDindoGrade.worst(grades).map(ClavienDindoGrade::name).orElse(null),
        data.items(Section.COMPLICATIONS).size() + data.items(Section.GASTRIC_COMPLICATIONS).size(),
        complicationTally(data),
        sectionsFilled(data),
        followUp(data),
        warnings(data));
  }

  /**
   * The case's complications counted per grade, category, item and leak type (see DerivedValues).
   */
  static SortedMap<String, Integer> complicationTally(CaseData data) {
    SortedMap<String, Integer> tally = new TreeMap<>();
    for (SectionValues item : data.items(Section.COMPLICATIONS)) {
      String type = (String) item.get("complication_type");
      tally.merge("GRADE:" + orEmpty((String) item.get("clavien_dindo")), 1, Integer::sum);
      tally.merge("CATEGORY:" + category(type), 1, Integer::sum);
      tally.merge("ITEM:" + orEmpty(type), 1, Integer::sum);
      if (EccgComplication.ANASTOMOTIC_LEAK.name().equals(type)) {
        tally.merge("LEAK:" + orEmpty((String) item.get("eccg_severity")), 1, Integer::sum);
      }
    }
    GastricRules.tally(data, tally);
    return tally;
  }

  private static String category(String type) {
    for (EccgComplication complication : EccgComplication.values()) {
      if (complication.name().equals(type)) {
        return complication.category().name();
      }
    }
    return "";
  }

  private static String orEmpty(String code) {
    return code == null ? "" : code;
  }

  /** What the follow-up visits sum up to, from the operation date (see {@link FollowUpSummary}). */
  static FollowUpSummary followUp(CaseData data) {
    List<FollowUpSummary.Visit> visits =
        data.items(Section.FOLLOWUP).stream()
            .map(
                item ->
                    new FollowUpSummary.Visit(
                        item.get("visit_month") instanceof Number month ? month.intValue() : null,
                        item.get("visit_date") instanceof LocalDate date ? date : null,
                        (String) item.get("followup_status")))
            .toList();
    return FollowUpSummary.of(operationDate(data), visits);
  }

  /** From height and weight when both are known, else the BMI entered. */
  static BigDecimal bmi(CaseData data) {
    BigDecimal height = data.decimal("height_cm");
    BigDecimal weight = data.decimal("weight_kg");
    if (height != null && weight != null && height.signum() > 0) {
      BigDecimal metres = height.movePointLeft(2);
      return weight.divide(metres.multiply(metres), 2, RoundingMode.HALF_UP);
    }
    return data.decimal("bmi_entered");
  }

  static Integer ageAtSurgery(CaseData data) {
    Integer age = data.integer("age_years");
    if (age != null) {
      return age;
    }
    Integer birthYear = data.integer("birth_year");
    LocalDate operation = operationDate(data);
    return birthYear != null && operation != null ? operation.getYear() - birthYear : null;
  }

  static StagingResult clinicalStage(CaseData data) {
    return EsophagusStaging.clinical(
        new ClinicalStagingInput(
            orElse(data.enumValue("histology", Histology.class), Histology.UNKNOWN),
            orElse(data.enumValue("ct", TCategory.class), TCategory.TX),
            orElse(data.enumValue("cn", NCategory.class), NCategory.NX),
            orElse(data.enumValue("cm", MCategory.class), MCategory.MX),
            gastricExtension(data)));
  }

  /** Null until the pathology section says whether it is pTNM or ypTNM. */
  static StagingResult pathologicalStage(CaseData data) {
    StagePrefix prefix = data.enumValue("path_prefix", StagePrefix.class);
    if (prefix == null) {
      return null;
    }
    return EsophagusStaging.pathologicalOrYp(
        prefix,
        new PathologicalStagingInput(
            orElse(data.enumValue("histology", Histology.class), Histology.UNKNOWN),
            orElse(data.enumValue("pt", TCategory.class), TCategory.TX),
            orElse(data.enumValue("pn", NCategory.class), NCategory.NX),
            orElse(data.enumValue("pm", MCategory.class), MCategory.MX),
            orElse(data.enumValue("grade", Grade.class), Grade.GX),
            orElse(data.enumValue("tumour_location", TumourLocation.class), TumourLocation.UNKNOWN),
            gastricExtension(data)));
  }

  private static boolean gastricExtension(CaseData data) {
    return YesNo.YES.name().equals(data.code("gastric_extension_over_2cm"));
  }

  /** The operation date of either module's operation section. */
  static LocalDate operationDate(CaseData data) {
    LocalDate esophagectomy = data.date("operation_date");
    return esophagectomy != null ? esophagectomy : data.date("gastric_operation_date");
  }

  static LocalDate dischargeDate(CaseData data) {
    LocalDate esophagectomy = data.date("discharge_date");
    return esophagectomy != null ? esophagectomy : data.date("gastric_discharge_date");
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
    return YesNo.NO.name().equals(data.code("any_complication"))
            || YesNo.NO.name().equals(data.code("gastric_any_complication"))
        ? BigDecimal.ZERO.setScale(1)
        : null;
  }

  private static List<ClavienDindoGrade> grades(CaseData data) {
    List<ClavienDindoGrade> grades = new ArrayList<>();
    for (SectionValues item : data.items(Section.COMPLICATIONS)) {
      addGrade(grades, (String) item.get("clavien_dindo"));
    }
    for (SectionValues item : data.items(Section.GASTRIC_COMPLICATIONS)) {
      addGrade(grades, (String) item.get("gastric_clavien_dindo"));
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
    if (YesNo.NO.name().equals(data.code("any_complication"))) {
      filled.add(Section.COMPLICATIONS);
    }
    if (YesNo.NO.name().equals(data.code("gastric_any_complication"))) {
      filled.add(Section.GASTRIC_COMPLICATIONS);
    }
    return filled;
  }

  private static Integer sumOf(List<SectionValues> items, String variable) {
    List<Integer> values =
        items.stream().map(item -> (Integer) item.get(variable)).filter(Objects::nonNull).toList();
    return values.isEmpty() ? null : values.stream().mapToInt(Integer::intValue).sum();
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }

  // ---------------------------------------------------------------- warnings

  /** Everything that should be looked at; none of it refuses a save. */
  public static List<CaseWarning> warnings(CaseData data) {
    List<CaseWarning> warnings = new ArrayList<>();
    boolean gastric = GastricRules.applies(data);
    (gastric ? GastricRules.stagingWarnings(data) : stagingWarnings(data))
        .forEach(
            warning ->
                warnings.add(
                    new CaseWarning(
                        warning.code().code(), null, warning.messageKey(), warning.arguments())));
    sectionGaps(data, gastric, warnings);
    unusualValues(data, warnings);
    complicationAnswer(data, "any_complication", Section.COMPLICATIONS, warnings);
    complicationAnswer(data, "gastric_any_complication", Section.GASTRIC_COMPLICATIONS, warnings);
    return warnings;
  }

  private static List<StagingWarning> stagingWarnings(CaseData data) {
    List<StagingWarning> warnings = new ArrayList<>();
    StagePrefix prefix = data.enumValue("path_prefix", StagePrefix.class);
    NeoadjuvantTherapy neoadjuvant =
        data.enumValue("neoadjuvant_therapy", NeoadjuvantTherapy.class);
    if (prefix != null && neoadjuvant != null && neoadjuvant != NeoadjuvantTherapy.UNKNOWN) {
      warnings.addAll(StagingChecks.prefix(prefix, neoadjuvant != NeoadjuvantTherapy.NONE));
    }
    NCategory recordedN = data.enumValue("pn", NCategory.class);
    List<NodeCount> counts = nodeCounts(data);
    if (prefix != null && recordedN != null && !counts.isEmpty()) {
      warnings.addAll(StagingChecks.pathologicalN(prefix, recordedN, counts));
    }
    return warnings;
  }

  private static List<NodeCount> nodeCounts(CaseData data) {
    List<NodeCount> counts = new ArrayList<>();
    for (SectionValues item : data.items(Section.NODES)) {
      Integer positive = (Integer) item.get("nodes_positive");
      Integer examined = (Integer) item.get("nodes_examined");
      if (positive != null && examined != null) {
        String group =
            Objects.toString(
                item.get("node_station"), Objects.toString(item.get("node_field"), ""));
        counts.add(new NodeCount(group, positive, examined));
      }
    }
    return counts;
  }

  /** An earlier section left empty while a later one is filled. */
  private static void sectionGaps(CaseData data, boolean gastric, List<CaseWarning> warnings) {
    Set<Section> filled = sectionsFilled(data);
    // Only the sections of the case's own procedure: a gastric case has no esophagus tumour.
    Section[] order =
        Arrays.stream(Section.values())
            .filter(section -> gastric ? !section.isEsophagusOnly() : !section.isGastric())
            .toArray(Section[]::new);
    for (int i = 0; i < order.length; i++) {
      if (filled.contains(order[i])) {
        continue;
      }
      for (int later = i + 1; later < order.length; later++) {
        if (filled.contains(order[later])) {
          warnings.add(
              new CaseWarning("section-empty", null, order[i].slug(), order[later].slug()));
          break;
        }
      }
    }
  }

  private static void unusualValues(CaseData data, List<CaseWarning> warnings) {
    for (Variable variable : CaseVariables.all()) {
      if (!variable.isNumeric() || variable.usualMin() == null) {
        continue;
      }
      List<SectionValues> records =
          variable.section().isList()
              ? data.items(variable.section())
              : List.of(data.single(variable.section()));
      for (SectionValues record : records) {
        Object value = record.get(variable.name());
        if (ValueParser.outsideUsualRange(variable, value)) {
          warnings.add(
              new CaseWarning(
                  "unusual-value",
                  variable.name(),
                  ValueParser.format(value),
                  variable.usualMin().toPlainString(),
                  variable.usualMax().toPlainString()));
        }
      }
    }
  }

  private static void complicationAnswer(
      CaseData data, String answerVariable, Section list, List<CaseWarning> warnings) {
    String answer = data.code(answerVariable);
    boolean hasItems = !data.items(list).isEmpty();
    if (YesNo.YES.name().equals(answer) && !hasItems) {
      warnings.add(new CaseWarning("complications-missing", answerVariable));
    } else if (YesNo.NO.name().equals(answer) && hasItems) {
      warnings.add(new CaseWarning("complications-contradict", answerVariable));
    }
  }

  // ---------------------------------------------------------------- hard errors

  /**
   * Impossible values in a section about to be saved, judged with the rest of the case: these
   * refuse the save. (Types and hard ranges are checked by {@link ValueParser}.)
   */
  public static List<FieldProblem> errors(Section section, SectionValues candidate, CaseData rest) {
    CaseData data = section.isList() ? rest : rest.with(section, candidate);
    List<FieldProblem> problems = new ArrayList<>();
    switch (section) {
      case NODES -> {
        Integer positive = (Integer) candidate.get("nodes_positive");
        Integer examined = (Integer) candidate.get("nodes_examined");
        if (positive != null && examined != null && positive > examined) {
          problems.add(
              new FieldProblem("nodes_positive", "error.positive-exceeds-examined", examined));
        }
      }
      case PATIENT -> {
        Integer birthYear = data.integer("birth_year");
        LocalDate operation = operationDate(data);
        if (birthYear != null && operation != null && birthYear > operation.getYear()) {
          problems.add(new FieldProblem("birth_year", "error.born-after-operation"));
        }
      }
      case NEOADJUVANT -> {
        notBefore(data, "neoadjuvant_end_date", "neoadjuvant_start_date", problems);
        notAfter(data, "neoadjuvant_start_date", "operation_date", problems);
        notAfter(data, "neoadjuvant_end_date", "operation_date", problems);
      }
      case OPERATION -> {
        notAfter(data, "operation_date", "discharge_date", problems);
        notBefore(data, "operation_date", "neoadjuvant_end_date", problems);
        notAfter(data, "operation_date", "adjuvant_start_date", problems);
        Integer birthYear = data.integer("birth_year");
        LocalDate operation = data.date("operation_date");
        if (birthYear != null && operation != null && birthYear > operation.getYear()) {
          problems.add(new FieldProblem("operation_date", "error.born-after-operation"));
        }
      }
      case POSTOP -> notBefore(data, "discharge_date", "operation_date", problems);
      case GASTRIC_NODES -> {
        Integer positive = (Integer) candidate.get("station_nodes_positive");
        Integer examined = (Integer) candidate.get("station_nodes_examined");
        if (positive != null && examined != null && positive > examined) {
          problems.add(
              new FieldProblem(
                  "station_nodes_positive", "error.positive-exceeds-examined", examined));
        }
      }
      case GASTRIC_OPERATION -> {
        notAfter(data, "gastric_operation_date", "gastric_discharge_date", problems);
        Integer birthYear = data.integer("birth_year");
        LocalDate operation = data.date("gastric_operation_date");
        if (birthYear != null && operation != null && birthYear > operation.getYear()) {
          problems.add(new FieldProblem("gastric_operation_date", "error.born-after-operation"));
        }
      }
      case GASTRIC_POSTOP ->
          notBefore(data, "gastric_discharge_date", "gastric_operation_date", problems);
      case GASTRIC_COMPLICATIONS -> GastricRules.complicationErrors(candidate, problems);
      case ADJUVANT -> notBefore(data, "adjuvant_start_date", "operation_date", problems);
      case FOLLOWUP -> {
        LocalDate visit = (LocalDate) candidate.get("visit_date");
        LocalDate operation = rest.date("operation_date");
        if (visit != null && operation != null && visit.isBefore(operation)) {
          problems.add(new FieldProblem("visit_date", "error.date-before", "operation_date"));
        }
      }
      default -> {}
    }
    return problems;
  }

  /** The field {@code variable} must not lie before {@code other}; reported on the first. */
  private static void notBefore(
      CaseData data, String variable, String other, List<FieldProblem> problems) {
    LocalDate value = data.date(variable);
    LocalDate limit = data.date(other);
    if (value != null && limit != null && value.isBefore(limit)) {
      problems.add(new FieldProblem(variable, "error.date-before", other));
    }
  }

  private static void notAfter(
      CaseData data, String variable, String other, List<FieldProblem> problems) {
    LocalDate value = data.date(variable);
    LocalDate limit = data.date(other);
    if (value != null && limit != null && value.isAfter(limit)) {
      problems.add(new FieldProblem(variable, "error.date-after", other));
    }
  }
}
