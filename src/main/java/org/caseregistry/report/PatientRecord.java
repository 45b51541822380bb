package org.caseregistry.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One case as the per-patient tables read it.
 *
 * @param values single-section and derived values by column name (absent: not entered)
 * @param reasons why a value is missing, by column name: "UNKNOWN" or "NOT_APPLICABLE"
 * @param nodes positive and examined nodes summed per node field (THORACIC, ABDOMINAL, ...)
 * @param complications the ECCG codes of the complications listed, in order
 * @param followUps follow-up status by month after surgery (the first visit of that month)
 * @param custom the case's custom values
 */
record PatientRecord(
    long caseId,
    String studyCode,
    String siteCode,
    Map<String, Object> values,
    Map<String, String> reasons,
    Map<String, int[]> nodes,
    List<String> complications,
    Map<Integer, String> followUps,
    CustomValues custom) {

  Object value(String column) {
    return values.get(column);
  }

  String reason(String column) {
    return reasons.get(column);
  }

  /**
   * A case's custom values, read with its single sections.
   *
   * @param values typed values of the single custom sections by field name (absent: none)
   * @param reasons why a custom value is missing, by field name: "UNKNOWN" or "NOT_APPLICABLE"
   * @param items the number of items of each repeating custom section, by section key
   */
  record CustomValues(
      Map<String, Object> values, Map<String, String> reasons, Map<String, Integer> items) {

    static CustomValues none() {
      return new CustomValues(new HashMap<>(), new HashMap<>(), new HashMap<>());
    }
  }
}
