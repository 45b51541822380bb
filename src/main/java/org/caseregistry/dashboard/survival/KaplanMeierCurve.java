package org.caseregistry.dashboard.survival;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * A Kaplan-Meier estimate: one step per distinct time at which anything happened (an event or a
 * censoring), in time order.
 *
 * @param subjects how many subjects the estimate is based on
 * @param steps the times with events or censorings
 */
public record KaplanMeierCurve(int subjects, List<Step> steps) {

  public KaplanMeierCurve {
    steps = List.copyOf(steps);
  }

  /**
   * One time of the estimate.
   *
   * @param time the time
   * @param atRisk subjects at risk just before this time (time ≥ this time)
   * @param events events at this time
   * @param censored censorings at this time
   * @param survival S(t) from this time on
   * @param standardError Greenwood standard error of S(t); NaN once S has reached 0
   * @param lower lower limit of the pointwise 95% interval of S(t)
   * @param upper upper limit of the pointwise 95% interval of S(t)
   */
  public record Step(
      double time,
      int atRisk,
      int events,
      int censored,
      double survival,
      double standardError,
      double lower,
      double upper) {}

  public int events() {
    return steps.stream().mapToInt(Step::events).sum();
  }

  public int censored() {
    return steps.stream().mapToInt(Step::censored).sum();
  }

  /** The event steps only (where the curve drops). */
  public List<Step> eventSteps() {
    return steps.stream().filter(step -> step.events() > 0).toList();
  }

  /** S(t): 1 before the first event, right-continuous. */
  public double survivalAt(double time) {
    double survival = 1;
    for (Step step : steps) {
      if (step.time() > time) {
        break;
      }
      survival = step.survival();
    }
    return survival;
  }

  /** How many subjects are still at risk at this time (followed up to this time or longer). */
  public int atRisk(double time) {
    int leftBefore = 0;
    for (Step step : steps) {
      if (step.time() >= time) {
        break;
      }
      leftBefore += step.events() + step.censored();
    }
    return subjects - leftBefore;
  }

  /** The last time anyone was observed; 0 when there are no subjects. */
  public double lastTime() {
    return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).time();
  }

  /**
   * The median survival time: the first time at which S(t) ≤ 0.5; empty when the curve never gets
   * there (median not reached).
   */
  public OptionalDouble median() {
    return firstTimeWhere(step -> step.survival() <= 0.5);
  }

  /**
   * The 95% confidence interval of the median (Brookmeyer and Crowley 1982): the times whose
   * pointwise 95% interval of S(t) contains 0.5. Its lower limit is the first time at which the
   * interval's lower limit is ≤ 0.5, its upper limit the first time at which the interval's upper
   * limit is ≤ 0.5; either is empty when the curve never gets there (not reached).
   */
  public MedianInterval medianInterval() {
    return new MedianInterval(
        firstTimeWhere(step -> step.lower() <= 0.5), firstTimeWhere(step -> step.upper() <= 0.5));
  }

  /** A confidence interval of the median; a limit is empty when it is not reached. */
  public record MedianInterval(OptionalDouble lower, OptionalDouble upper) {}

  private OptionalDouble firstTimeWhere(Predicate<Step> condition) {
    return steps.stream()
        .filter(step -> step.events() > 0)
        .filter(condition)
        .mapToDouble(Step::time)
        .findFirst();
  }
}
