package org.caseregistry.cases.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseWarning;
import org.caseregistry.cases.DerivedValues;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.ValueParser;
import org.caseregistry.catalog.CaseCodes.NeoadjuvantTherapy;
import org.caseregistry.catalog.CaseCodes.YesNo;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Keys;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.staging.NCategory;
import org.caseregistry.staging.NodeCount;
import org.caseregistry.staging.StagePrefix;
import org.caseregistry.staging.StagingChecks;
import org.caseregistry.staging.StagingWarning;

/**
 * What in a case should be looked at, none of it refusing a save: staging disagreements, a section
 * skipped before a filled one, unusual values, a complication answer the list contradicts. Part of
 * the derived values ({@link DerivedValues#warnings}).
 */
final class CaseWarnings {

  private CaseWarnings() {}

  /** Everything that should be looked at; none of it refuses a save. */
  static List<CaseWarning> of(CaseData data) {
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
    complicationAnswer(data, Keys.ANY_COMPLICATION.name(), Section.COMPLICATIONS, warnings);
    complicationAnswer(
        data, Keys.GASTRIC_ANY_COMPLICATION.name(), Section.GASTRIC_COMPLICATIONS, warnings);
    return warnings;
  }

  private static List<StagingWarning> stagingWarnings(CaseData data) {
    List<StagingWarning> warnings = new ArrayList<>();
    StagePrefix prefix = data.enumValue(Keys.PATH_PREFIX, StagePrefix.class);
    NeoadjuvantTherapy neoadjuvant =
        data.enumValue(Keys.NEOADJUVANT_THERAPY, NeoadjuvantTherapy.class);
    if (prefix != null && neoadjuvant != null && neoadjuvant != NeoadjuvantTherapy.UNKNOWN) {
      warnings.addAll(StagingChecks.prefix(prefix, neoadjuvant != NeoadjuvantTherapy.NONE));
    }
    NCategory recordedN = data.enumValue(Keys.PN, NCategory.class);
    List<NodeCount> counts = nodeCounts(data);
    if (prefix != null && recordedN != null && !counts.isEmpty()) {
      warnings.addAll(StagingChecks.pathologicalN(prefix, recordedN, counts));
    }
    return warnings;
  }

  private static List<NodeCount> nodeCounts(CaseData data) {
    List<NodeCount> counts = new ArrayList<>();
    for (SectionValues item : data.items(Section.NODES)) {
      Integer positive = (Integer) item.get(Keys.NODES_POSITIVE);
      Integer examined = (Integer) item.get(Keys.NODES_EXAMINED);
      if (positive != null && examined != null) {
        String group =
            Objects.toString(
                item.get(Keys.NODE_STATION), Objects.toString(item.get(Keys.NODE_FIELD), ""));
        counts.add(new NodeCount(group, positive, examined));
      }
    }
    return counts;
  }

  /** An earlier section left empty while a later one is filled. */
  private static void sectionGaps(CaseData data, boolean gastric, List<CaseWarning> warnings) {
    Set<Section> filled = CaseDerivation.sectionsFilled(data);
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
}
