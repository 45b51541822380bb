package org.caseregistry.dashboard;

import org.caseregistry.dashboard.chart.Palette;

/**
 * Where a case stands at a follow-up window. The first eight are the status of the visit in the
 * window (the latest one when there are several, a death first); the others say why there is no
 * visit in it:
 *
 * <ul>
 *   <li>{@link #DIED} also covers a death recorded at an earlier visit, carried forward;
 *   <li>{@link #NOT_YET_DUE}: no visit, and the window has not closed yet (operation date + the
 *       window's upper limit is after today);
 *   <li>{@link #LOST}: no visit, although the window has closed (lost to follow-up at this window;
 *       this includes a missed visit of a patient seen again later);
 *   <li>{@link #NO_OPERATION_DATE}: no visit, and without an operation date it cannot be said
 *       whether the window is due.
 * </ul>
 */
enum FollowUpCategory {
  WELL(Palette.GREEN),
  REFLUX(Palette.ORANGE),
  DYSPHAGIA(Palette.YELLOW),
  ANASTOMOTIC_STRICTURE(Palette.PURPLE),
  RECURRENCE(Palette.VERMILION),
  METASTASIS("#8C2D04"),
  DIED(Palette.BLACK),
  /** A visit whose status is "unknown" or not entered. */
  STATUS_UNKNOWN(Palette.SKY),
  NOT_YET_DUE(Palette.LIGHT_GREY),
  LOST(Palette.DARK_GREY),
  NO_OPERATION_DATE(Palette.GREY);

  private final String color;

  FollowUpCategory(String color) {
    this.color = color;
  }

  String color() {
    return color;
  }

  String messageKey() {
    return "dashboard.followup.category." + name();
  }

  /** A visit's stored status as a category; "UNKNOWN" and blanks are {@link #STATUS_UNKNOWN}. */
  static FollowUpCategory of(String stored) {
    if (stored == null || stored.equals("UNKNOWN")) {
      return STATUS_UNKNOWN;
    }
    return valueOf(stored);
  }
}
