package org.caseregistry.cases;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An order of the case list, as a key compared all in one direction, so that a page can start after
 * (or end before) a given case; the study-code orders are read straight from the indexes of V5.
 */
record CaseListSort(List<String> keys, boolean descending) {

  private static final Map<String, CaseListSort> SORTS =
      Map.of(
          "code",
          new CaseListSort(List.of("length(c.study_code)", "lower(c.study_code)", "c.id"), false),
          "site",
          new CaseListSort(
              List.of("h.code", "length(c.study_code)", "lower(c.study_code)", "c.id"), false),
          "updated",
          new CaseListSort(List.of("c.updated_at", "c.id"), true),
          "warnings",
          new CaseListSort(
              List.of("-c.warning_count", "length(c.study_code)", "lower(c.study_code)", "c.id"),
              false));

  static boolean exists(String name) {
    return name != null && SORTS.containsKey(name);
  }

  /** The order of this name; {@link #exists} first. */
  static CaseListSort named(String name) {
    return SORTS.get(name);
  }

  String orderBy(boolean reversed) {
    String direction = descending != reversed ? " desc" : "";
    return keys.stream().map(key -> key + direction).collect(Collectors.joining(", "));
  }

  String tuple() {
    return "(" + String.join(", ", keys) + ")";
  }
}
