package org.caseregistry.cases.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.GastricCodes.GastricChemotherapy;
import org.caseregistry.catalog.GastricCodes.GastricComplication;
import org.caseregistry.catalog.GastricCodes.JgcaStation;
import org.caseregistry.catalog.GastricCodes.PancreaticFistulaGrade;
import org.caseregistry.catalog.Keys;
import org.caseregistry.catalog.Section;
import org.caseregistry.staging.GastricHistology;
import org.caseregistry.staging.GastricNCategory;
import org.caseregistry.staging.GastricStaging;
import org.caseregistry.staging.GastricStagingChecks;
import org.caseregistry.staging.GastricStagingInput;
import org.caseregistry.staging.MCategory;
import org.caseregistry.staging.NodeCount;
import org.caseregistry.staging.StagePrefix;
import org.caseregistry.staging.StagingChecks;
import org.caseregistry.staging.StagingResult;
import org.caseregistry.staging.StagingWarning;
import org.caseregistry.staging.TCategory;

/**
 * The clinical rules of the gastrectomy module, used for a gastric case by {@link CaseDerivation},
 * {@link CaseWarnings} and {@link SaveChecks}: stomach staging, pN from the station counts, and the
 * gastric checks.
 */
final class GastricRules {

  private GastricRules() {}

  /** A case recorded with the gastrectomy module: any of its sections holds something. */
  static boolean applies(CaseData data) {
    for (Section section : Section.values()) {
      if (section.isGastric() && data.isFilled(section)) {
        return true;
      }
    }
    return false;
  }

  static StagingResult clinicalStage(CaseData data) {
    return GastricStaging.clinical(
        new GastricStagingInput(
            histology(data),
            orElse(data.enumValue(Keys.GASTRIC_CT, TCategory.class), TCategory.TX),
            orElse(data.enumValue(Keys.GASTRIC_CN, GastricNCategory.class), GastricNCategory.NX),
            orElse(data.enumValue(Keys.GASTRIC_CM, MCategory.class), MCategory.MX)));
  }

  /** Null until the pathology section says whether it is pTNM or ypTNM. */
  static StagingResult pathologicalStage(CaseData data) {
    StagePrefix prefix = data.enumValue(Keys.GASTRIC_PATH_PREFIX, StagePrefix.class);
    if (prefix == null) {
      return null;
    }
    return GastricStaging.pathologicalOrYp(
        prefix,
        new GastricStagingInput(
            histology(data),
            orElse(data.enumValue(Keys.GASTRIC_PT, TCategory.class), TCategory.TX),
            orElse(data.enumValue(Keys.GASTRIC_PN, GastricNCategory.class), GastricNCategory.NX),
            orElse(data.enumValue(Keys.GASTRIC_PM, MCategory.class), MCategory.MX)));
  }

  private static GastricHistology histology(CaseData data) {
    return orElse(
        data.enumValue(Keys.GASTRIC_HISTOLOGY, GastricHistology.class), GastricHistology.UNKNOWN);
  }

  /** pN0–pN3b from the positive nodes of every station, or null without counts. */
  static String pnFromCount(Integer positive) {
    return positive == null ? null : GastricNCategory.fromPositiveNodes(positive).name();
  }

  static List<StagingWarning> stagingWarnings(CaseData data) {
    List<StagingWarning> warnings = new ArrayList<>();
    StagePrefix prefix = data.enumValue(Keys.GASTRIC_PATH_PREFIX, StagePrefix.class);
    GastricChemotherapy chemotherapy =
        data.enumValue(Keys.GASTRIC_CHEMOTHERAPY, GastricChemotherapy.class);
    if (prefix != null && chemotherapy != null && chemotherapy != GastricChemotherapy.UNKNOWN) {
      warnings.addAll(StagingChecks.prefix(prefix, chemotherapy != GastricChemotherapy.NONE));
    }
    List<NodeCount> counts = nodeCounts(data);
    GastricNCategory recordedN = data.enumValue(Keys.GASTRIC_PN, GastricNCategory.class);
    if (prefix != null && recordedN != null) {
      warnings.addAll(GastricStagingChecks.pathologicalN(prefix, recordedN, counts));
    }
    warnings.addAll(GastricStagingChecks.examinedNodes(counts));
    return warnings;
  }

  private static List<NodeCount> nodeCounts(CaseData data) {
    List<NodeCount> counts = new ArrayList<>();
    for (SectionValues item : data.items(Section.GASTRIC_NODES)) {
      Integer positive = (Integer) item.get(Keys.STATION_NODES_POSITIVE);
      Integer examined = (Integer) item.get(Keys.STATION_NODES_EXAMINED);
      if (positive != null && examined != null) {
        String station = (String) item.get(Keys.JGCA_STATION);
        String group =
            station == null ? "" : "No. " + JgcaStation.valueOf(station).number().toLowerCase();
        counts.add(new NodeCount(group, positive, examined));
      }
    }
    return counts;
  }

  /** An ISGPS grade belongs to a pancreatic fistula only. */
  static void complicationErrors(SectionValues candidate, List<FieldProblem> problems) {
    String grade = (String) candidate.get(Keys.POPF_GRADE);
    String type = (String) candidate.get(Keys.GASTRIC_COMPLICATION_TYPE);
    boolean graded =
        grade != null
            && !PancreaticFistulaGrade.NOT_APPLICABLE.name().equals(grade)
            && !PancreaticFistulaGrade.UNKNOWN.name().equals(grade);
    if (graded && !Objects.equals(type, GastricComplication.PANCREATIC_FISTULA.name())) {
      problems.add(new FieldProblem(Keys.POPF_GRADE.name(), "error.popf-grade-without-fistula"));
    }
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
