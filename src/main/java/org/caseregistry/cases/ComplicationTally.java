package org.caseregistry.cases;

import java.util.SortedMap;
import java.util.TreeMap;
import org.caseregistry.catalog.GastricCodes.GastricComplication;
import org.caseregistry.catalog.Section;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.complication.TallyKind;

/**
 * A case's complications counted per {@link TallyKind}: grade, category, item and, for an
 * anastomotic leak its ECCG severity type, for a pancreatic fistula its ISGPS grade.
 */
final class ComplicationTally {

  private ComplicationTally() {}

  static SortedMap<String, Integer> of(CaseData data) {
    SortedMap<String, Integer> tally = new TreeMap<>();
    for (SectionValues item : data.items(Section.COMPLICATIONS)) {
      String type = (String) item.get("complication_type");
      count(tally, TallyKind.GRADE, item.get("clavien_dindo"));
      count(tally, TallyKind.CATEGORY, eccgCategory(type));
      count(tally, TallyKind.ITEM, type);
      if (EccgComplication.ANASTOMOTIC_LEAK.name().equals(type)) {
        count(tally, TallyKind.LEAK, item.get("eccg_severity"));
      }
    }
    for (SectionValues item : data.items(Section.GASTRIC_COMPLICATIONS)) {
      String type = (String) item.get("gastric_complication_type");
      count(tally, TallyKind.GRADE, item.get("gastric_clavien_dindo"));
      count(tally, TallyKind.CATEGORY, gastricCategory(type));
      count(tally, TallyKind.ITEM, type);
      if (GastricComplication.PANCREATIC_FISTULA.name().equals(type)) {
        count(tally, TallyKind.POPF, item.get("popf_grade"));
      }
    }
    return tally;
  }

  private static void count(SortedMap<String, Integer> tally, TallyKind kind, Object code) {
    tally.merge(kind.key((String) code), 1, Integer::sum);
  }

  private static String eccgCategory(String type) {
    for (EccgComplication complication : EccgComplication.values()) {
      if (complication.name().equals(type)) {
        return complication.category().name();
      }
    }
    return "";
  }

  private static String gastricCategory(String type) {
    return type == null ? "" : GastricComplication.valueOf(type).category().name();
  }
}
