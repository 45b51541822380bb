package org.caseregistry.report;

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
 */
record PatientRecord(
    long caseId,
    String studyCode,
    String siteCode,
    Map<String, Object> values,
    Map<String, String> reasons,
    Map<String, int[]> nodes,
    List<String> complications,
    Map<Integer, String> followUps) {

  Object value(String column) {
    return values.get(column);
  }

  String reason(String column) {
    return reasons.get(column);
  }
}
