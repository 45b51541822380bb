package org.caseregistry.dashboard.survival;

/**
 * What happened at one follow-up time: how many subjects had the event then and how many were
 * censored then (last seen event-free). Data may come one subject per value, or already counted per
 * time, as the dashboard's query delivers it.
 *
 * @param time time since the origin, in any unit (the dashboard uses days)
 * @param events subjects with the event at this time
 * @param censored subjects censored at this time
 */
public record SurvivalTime(double time, int events, int censored) {

  public SurvivalTime {
    if (Double.isNaN(time) || time < 0) {
      throw new IllegalArgumentException("Survival time must be zero or more: " + time);
    }
    if (events < 0 || censored < 0) {
      throw new IllegalArgumentException("Counts must be zero or more");
    }
  }

  public static SurvivalTime event(double time) {
    return new SurvivalTime(time, 1, 0);
  }

  public static SurvivalTime censored(double time) {
    return new SurvivalTime(time, 0, 1);
  }

  public int subjects() {
    return events + censored;
  }
}
