package org.caseregistry.cases.rules;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.GastricCodes.GastricComplication;
import org.caseregistry.catalog.Keys;
import org.caseregistry.catalog.Section;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.complication.TallyKind;

/**
 * A case's complications counted per {@link TallyKind}: grade, category, item and, for an
 * anastomotic leak its ECCG severity type, for a pancreatic fistula its ISGPS grade.
 */
final class ComplicationTally {

  private ComplicationTally() {}

  /** Where one module's complication list keeps what the tally counts. */
  private record ListOf(
      Section section,
      String type,
      String grade,
      Function<String, String> category,
      String specialType,
      TallyKind specialKind,
      String specialCode) {}

  private static final List<ListOf> LISTS =
      List.of(
          new ListOf(
              Section.COMPLICATIONS,
              Keys.COMPLICATION_TYPE.name(),
              Keys.CLAVIEN_DINDO.name(),
              ComplicationTally::eccgCategory,
              EccgComplication.ANASTOMOTIC_LEAK.name(),
              TallyKind.LEAK,
              Keys.ECCG_SEVERITY.name()),
          new ListOf(
              Section.GASTRIC_COMPLICATIONS,
              Keys.GASTRIC_COMPLICATION_TYPE.name(),
              Keys.GASTRIC_CLAVIEN_DINDO.name(),
              ComplicationTally::gastricCategory,
              GastricComplication.PANCREATIC_FISTULA.name(),
              TallyKind.POPF,
              Keys.POPF_GRADE.name()));

  static SortedMap<String, Integer> of(CaseData data) {
    SortedMap<String, Integer> tally = new TreeMap<>();
    for (ListOf list : LISTS) {
      for (SectionValues item : data.items(list.section())) {
        String type = (String) item.get(list.type());
        count(tally, TallyKind.GRADE, item.get(list.grade()));
        count(tally, TallyKind.CATEGORY, list.category().apply(type));
        count(tally, TallyKind.ITEM, type);
        if (list.specialType().equals(type)) {
          count(tally, list.specialKind(), item.get(list.specialCode()));
        }
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
