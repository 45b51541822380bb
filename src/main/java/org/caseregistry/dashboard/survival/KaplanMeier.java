package org.caseregistry.dashboard.survival;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kaplan-Meier (product-limit) estimator with Greenwood's variance.
 *
 * <p>At each distinct time t<sub>j</sub> with d<sub>j</sub> events among the n<sub>j</sub> subjects
 * still at risk (time ≥ t<sub>j</sub>), S(t) = Π (1 − d<sub>j</sub>/n<sub>j</sub>) over
 * t<sub>j</sub> ≤ t. Subjects censored at an event time count as at risk at that time (the usual
 * convention: censoring is taken to happen just after the events). Var S(t) = S(t)² Σ d<sub>j</sub>
 * / (n<sub>j</sub>(n<sub>j</sub> − d<sub>j</sub>)) (Greenwood). The pointwise 95% interval is
 * computed on the log scale, S·exp(±1.96·√Σ), cut to [0, 1], as R's {@code survfit} does by
 * default.
 */
public final class KaplanMeier {

  /** The normal quantile for a two-sided 95% interval. */
  static final double Z_95 = 1.959963984540054;

  private KaplanMeier() {}

  public static KaplanMeierCurve estimate(Collection<SurvivalTime> data) {
    Map<Double, int[]> byTime = new TreeMap<>();
    int subjects = 0;
    for (SurvivalTime observation : data) {
      int[] counts = byTime.computeIfAbsent(observation.time(), t -> new int[2]);
      counts[0] += observation.events();
      counts[1] += observation.censored();
      subjects += observation.subjects();
    }
    List<KaplanMeierCurve.Step> steps = new ArrayList<>();
    int atRisk = subjects;
    double survival = 1;
    double greenwoodSum = 0;
    boolean varianceDefined = true;
    for (Map.Entry<Double, int[]> entry : byTime.entrySet()) {
      int events = entry.getValue()[0];
      int censored = entry.getValue()[1];
      if (events + censored == 0) {
        continue;
      }
      if (events > 0) {
        survival *= 1 - (double) events / atRisk;
        if (atRisk > events) {
          greenwoodSum += (double) events / ((double) atRisk * (atRisk - events));
        } else {
          varianceDefined = false;
        }
      }
      double standardError = varianceDefined ? survival * Math.sqrt(greenwoodSum) : Double.NaN;
      double lower;
      double upper;
      if (!varianceDefined || survival == 0) {
        lower = survival;
        upper = survival;
      } else {
        double spread = Math.exp(Z_95 * Math.sqrt(greenwoodSum));
        lower = Math.max(0, survival / spread);
        upper = Math.min(1, survival * spread);
      }
      steps.add(
          new KaplanMeierCurve.Step(
              entry.getKey(), atRisk, events, censored, survival, standardError, lower, upper));
      atRisk -= events + censored;
    }
    return new KaplanMeierCurve(subjects, steps);
  }
}
