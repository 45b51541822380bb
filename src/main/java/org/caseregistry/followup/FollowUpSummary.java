package org.caseregistry.followup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.catalog.CaseCodes.FollowUpStatus;

/**
 * What a case's follow-up visits sum up to, counted from the operation (time zero).
 *
 * <p>A visit's time is its date minus the operation date in days, or its month × {@link
 * VisitWindow#DAYS_PER_MONTH} when either date is missing; visits without a time, or before the
 * operation, do not count. Death is the first DIED visit; relapse the first DIED, RECURRENCE or
 * METASTASIS visit (recurrence-free survival ends at whichever comes first); the last visit is when
 * a case without the event is censored. In each window the visit that counts is a death if there is
 * one, else the latest visit (at the same time, the later status in the code list); a visit without
 * a status counts as UNKNOWN.
 *
 * @param start the operation date, or null
 * @param deathDays days from the operation to death, or null
 * @param relapseDays days to recurrence, metastasis or death, or null
 * @param lastSeenDays days to the last visit, or null without one
 * @param statusByWindow the status counted in each window that has a visit
 */
public record FollowUpSummary(
    LocalDate start,
    Double deathDays,
    Double relapseDays,
    Double lastSeenDays,
    Map<VisitWindow, String> statusByWindow) {

  /** One follow-up visit as entered: month after the operation, date, status (each may be null). */
  public record Visit(Integer month, LocalDate date, String status) {}

  private static final String DIED = FollowUpStatus.DIED.name();
  private static final Set<String> RELAPSE =
      Set.of(DIED, FollowUpStatus.RECURRENCE.name(), FollowUpStatus.METASTASIS.name());

  public FollowUpSummary {
    statusByWindow =
        Collections.unmodifiableMap(
            statusByWindow.isEmpty()
                ? new EnumMap<>(VisitWindow.class)
                : new EnumMap<>(statusByWindow));
  }

  public String status(VisitWindow window) {
    return statusByWindow.get(window);
  }

  public static FollowUpSummary of(LocalDate operation, List<Visit> visits) {
    Double death = null;
    Double relapse = null;
    Double lastSeen = null;
    Map<VisitWindow, Timed> counted = new EnumMap<>(VisitWindow.class);
    for (Visit visit : visits) {
      Double days = daysAfter(operation, visit);
      if (days == null || days < 0) {
        continue;
      }
      String status = visit.status() == null ? FollowUpStatus.UNKNOWN.name() : visit.status();
      if (status.equals(DIED)) {
        death = min(death, days);
      }
      if (RELAPSE.contains(status)) {
        relapse = min(relapse, days);
      }
      lastSeen = lastSeen == null ? days : Math.max(lastSeen, days);
      Timed timed = new Timed(days, status);
      for (VisitWindow window : VisitWindow.values()) {
        if (window.contains(days)) {
          counted.merge(window, timed, (a, b) -> COUNTS_FIRST.compare(a, b) <= 0 ? a : b);
        }
      }
    }
    Map<VisitWindow, String> byWindow = new EnumMap<>(VisitWindow.class);
    counted.forEach((window, timed) -> byWindow.put(window, timed.status()));
    return new FollowUpSummary(operation, death, relapse, lastSeen, byWindow);
  }

  /** Days from the operation to the visit, or null when the visit has no time. */
  public static Double daysAfter(LocalDate operation, Visit visit) {
    if (visit.date() != null && operation != null) {
      return (double) ChronoUnit.DAYS.between(operation, visit.date());
    }
    return visit.month() == null ? null : visit.month() * VisitWindow.DAYS_PER_MONTH;
  }

  private record Timed(double days, String status) {}

  /** A death first, then the latest visit, then the later status in the code list. */
  private static final Comparator<Timed> COUNTS_FIRST =
      Comparator.comparing((Timed t) -> !t.status().equals(DIED))
          .thenComparing(Timed::days, Comparator.reverseOrder())
          .thenComparing(t -> order(t.status()), Comparator.reverseOrder());

  private static int order(String status) {
    for (FollowUpStatus known : FollowUpStatus.values()) {
      if (known.name().equals(status)) {
        return known.ordinal();
      }
    }
    return -1;
  }

  private static Double min(Double current, double days) {
    return current == null ? days : Math.min(current, days);
  }
}
