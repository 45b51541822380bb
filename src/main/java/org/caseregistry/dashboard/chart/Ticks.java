package org.caseregistry.dashboard.chart;

import java.util.ArrayList;
import java.util.List;

/** Round tick values for an axis from 0 to at least a maximum: steps of 1, 2 or 5 × 10ⁿ. */
final class Ticks {

  private Ticks() {}

  /** Ticks 0, step, 2·step … up to the first tick ≥ max, at most about {@code most} of them. */
  static List<Double> upTo(double max, int most, boolean integers) {
    double top = max <= 0 ? 1 : max;
    double raw = top / Math.max(1, most - 1);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      if (integers && factor == 2.5 && magnitude < 10) {
        continue;
      }
      step = factor * magnitude;
      if (step >= raw) {
        break;
      }
    }
    if (integers) {
      step = Math.max(1, Math.round(step));
    }
    return multiples(step, top);
  }

  /** Ticks at multiples of the first step from the list that gives at most {@code most} ticks. */
  static List<Double> timeTicks(double max, double[] steps, int most) {
    double top = max <= 0 ? steps[0] : max;
    double step = steps[steps.length - 1];
    for (double candidate : steps) {
      if (Math.ceil(top / candidate) + 1 <= most) {
        step = candidate;
        break;
      }
    }
    return multiples(step, top);
  }

  /** 0, step, 2·step … up to the first multiple at or above top. */
  private static List<Double> multiples(double step, double top) {
    List<Double> ticks = new ArrayList<>();
    for (int i = 0; ; i++) {
      double tick = i * step;
      ticks.add(tick);
      if (tick >= top - 1e-9) {
        break;
      }
    }
    return ticks;
  }
}
