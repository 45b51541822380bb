package org.caseregistry.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.caseregistry.catalog.Section;
import org.caseregistry.dashboard.survival.SurvivalTime;
import org.caseregistry.followup.VisitWindow;

/**
 * The dashboard's numbers for one series (or one site of it), as counted in the database: only
 * active cases (withdrawn ones are left out) of the sites the reader may see. Parts that were not
 * asked for are null.
 */
record DashboardData(
    int cases,
    Map<Section, Integer> sectionsFilled,
    List<CustomFilled> customFilled,
    boolean datedByOperation,
    List<EnrolmentCount> enrolment,
    Complications complications,
    Distribution cci,
    Distribution lengthOfStay,
    Map<VisitWindow, Map<FollowUpCategory, Integer>> followUp,
    Survival survival) {

  /**
   * The same figures for the series' form: completeness for its modules only, in form order, and
   * for its custom fields; the parts its modules do not record left out (null).
   */
  DashboardData forForm(List<Section> modules, List<CustomFilled> custom) {
    Map<Section, Integer> filled = new LinkedHashMap<>();
    modules.forEach(section -> filled.put(section, sectionsFilled.getOrDefault(section, 0)));
    return new DashboardData(
        cases,
        filled,
        custom,
        FormParts.datesByOperation(modules),
        enrolment,
        complications,
        FormParts.countsCci(modules) ? cci : null,
        FormParts.countsLengthOfStay(modules) ? lengthOfStay : null,
        followUp,
        survival);
  }

  /**
   * A custom field of the series' form and in how many cases it is answered: a value, "unknown", or
   * not applicable (hidden by its condition); for a repeating section ({@code items}), the cases
   * with at least one item. Labels in both languages: the form's own text.
   */
  record CustomFilled(
      String sectionEn,
      String sectionVi,
      String labelEn,
      String labelVi,
      boolean items,
      int filled) {}

  /** Whether the chart's numbers were counted (its part asked for, and recorded by the form). */
  boolean counted(DashboardChart chart) {
    return switch (chart) {
      case ENROLMENT -> enrolment != null;
      case COMPLETENESS ->
          sectionsFilled != null && !(sectionsFilled.isEmpty() && customFilled.isEmpty());
      case CLAVIEN_DINDO, ECCG_CATEGORIES -> complications != null;
      case CCI -> cci != null;
      case LENGTH_OF_STAY -> lengthOfStay != null;
      case FOLLOW_UP -> followUp != null;
      case OVERALL_SURVIVAL, RECURRENCE_FREE_SURVIVAL -> survival != null;
    };
  }

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
   * @param patientsByWorstGrade patients by the name of their worst grade, or of their {@code
   *     WorstGradeGroup} (complications without a grade, answered: no complication, not recorded)
   * @param leaksByType anastomotic leaks per ECCG severity type ("" type not given), among the
   *     cases with the postoperative section answered
   * @param leakPatients cases with at least one anastomotic leak, among those
   * @param postopAnswered cases with the postoperative section answered: the leak rate's
   *     denominator
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
   * A continuous variable: how many cases have it and how many do not, mean, quartiles (linear
   * interpolation between order statistics, as PostgreSQL's percentile_cont and the summary tables)
   * and range, and the counts per bin.
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
      int[] bins) {

    /**
     * From how many cases have each value: bin i holds the values from {@code bounds[i - 1]}
     * (included) to {@code bounds[i]} (excluded); the first bin everything below {@code bounds[0]},
     * the last everything from the last bound on.
     */
    static Distribution of(
        SortedMap<BigDecimal, Integer> frequencies, int missing, double[] bounds) {
      int[] bins = new int[bounds.length + 1];
      int known = 0;
      BigDecimal sum = BigDecimal.ZERO;
      for (Map.Entry<BigDecimal, Integer> entry : frequencies.entrySet()) {
        double value = entry.getKey().doubleValue();
        int bin = 0;
        while (bin < bounds.length && value >= bounds[bin]) {
          bin++;
        }
        bins[bin] += entry.getValue();
        known += entry.getValue();
        sum = sum.add(entry.getKey().multiply(BigDecimal.valueOf(entry.getValue())));
      }
      if (known == 0) {
        return new Distribution(0, missing, null, null, null, null, null, null, bins);
      }
      return new Distribution(
          known,
          missing,
          sum.doubleValue() / known,
          quantile(frequencies, known, 0.25),
          quantile(frequencies, known, 0.5),
          quantile(frequencies, known, 0.75),
          frequencies.firstKey().doubleValue(),
          frequencies.lastKey().doubleValue(),
          bins);
    }

    /** The p-quantile: between the order statistics at 0-based position p × (n − 1). */
    private static double quantile(SortedMap<BigDecimal, Integer> frequencies, int n, double p) {
      double position = p * (n - 1);
      long lower = (long) Math.floor(position);
      double below = valueAt(frequencies, lower);
      double above = valueAt(frequencies, Math.min(lower + 1, n - 1));
      return below + (position - lower) * (above - below);
    }

    /** The value at a 0-based position of the sorted values. */
    private static double valueAt(SortedMap<BigDecimal, Integer> frequencies, long position) {
      long seen = 0;
      for (Map.Entry<BigDecimal, Integer> entry : frequencies.entrySet()) {
        seen += entry.getValue();
        if (position < seen) {
          return entry.getKey().doubleValue();
        }
      }
      throw new IllegalArgumentException("Position " + position + " beyond " + seen + " values");
    }
  }

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
