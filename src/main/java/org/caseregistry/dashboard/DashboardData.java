package org.caseregistry.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.caseregistry.catalog.Section;
import org.caseregistry.dashboard.survival.SurvivalTime;

/**
 * The dashboard's numbers for one series (or one site of it), as counted in the database: only
 * active cases (withdrawn ones are left out) of the sites the reader may see. Parts that were not
 * asked for are null.
 */
record DashboardData(
    int cases,
    Map<Section, Integer> sectionsFilled,
    List<EnrolmentCount> enrolment,
    Complications complications,
    Distribution cci,
    Distribution lengthOfStay,
    Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp,
    Survival survival) {

  /** The parts of the dashboard; a chart download computes only the part it shows. */
  enum Part {
    COMPLETENESS,
    ENROLMENT,
    COMPLICATIONS,
    DISTRIBUTIONS,
    FOLLOW_UP,
    SURVIVAL
  }

  /**
   * Cases per site and month: dated by the operation date, or by the date the record was created
   * when the operation date is not recorded (counted apart, so the page can say how many).
   */
  record EnrolmentCount(String site, LocalDate month, int byOperationDate, int byRecordDate) {
    int total() {
      return byOperationDate + byRecordDate;
    }
  }

  /**
   * Complications of the cases in scope.
   *
   * @param byGrade complications and patients per Clavien-Dindo grade (enum name; "" not graded)
   * @param byCategory complications and patients per ECCG category (enum name; "" type not given)
   * @param byItem complications and patients per ECCG item (enum name; "" type not given)
   * @param patientsByWorstGrade patients by their worst grade, "UNGRADED" (complications without a
   *     grade), "NONE" (answered: no complication) or "NOT_RECORDED"
   * @param leaksByType anastomotic leaks per ECCG severity type ("" type not given), among the cases
   *     with the postoperative section answered
   * @param leakPatients cases with at least one anastomotic leak, among those
   * @param postopAnswered cases with the postoperative section answered: the leak rate's denominator
   */
  record Complications(
      Map<String, Counts> byGrade,
      Map<String, Counts> byCategory,
      Map<String, Counts> byItem,
      Map<String, Integer> patientsByWorstGrade,
      Map<String, Integer> leaksByType,
      int leakPatients,
      int postopAnswered) {}

  /** How many complications, and in how many patients. */
  record Counts(int complications, int patients) {}

  /**
   * A continuous variable: how many cases have it and how many do not, mean, quartiles
   * (percentile_cont: linear interpolation) and range, and the counts per bin.
   */
  record Distribution(
      int known,
      int missing,
      Double mean,
      Double q1,
      Double median,
      Double q3,
      Double min,
      Double max,
      int[] bins) {}

  /** Survival data per group of the split, times in days from the operation. */
  record Survival(SurvivalSplit split, List<SurvivalGroup> groups) {}

  /**
   * One group: overall survival (event: death) and recurrence-free survival (event: recurrence,
   * metastasis or death, whichever comes first) counted per time, and the cases left out because
   * they have no follow-up visit with a usable time.
   */
  record SurvivalGroup(
      String key,
      List<SurvivalTime> overall,
      List<SurvivalTime> recurrenceFree,
      int withoutFollowUp) {}
}
