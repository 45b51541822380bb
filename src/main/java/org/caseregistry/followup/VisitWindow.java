package org.caseregistry.followup;

/**
 * The follow-up windows the dashboard reports, in months after the operation. A visit belongs to
 * the window whose range holds its time: 1 month = 0 to 2 months, 3 months = over 2 to 4.5, 6
 * months = over 4.5 to 9, 12 months = over 9 to 18 (a visit's time is visit date − operation date
 * in days, or visit month × 30.4375 days when there is no date). A window is due once its upper
 * limit has passed: operation date + upper limit ≤ today.
 */
public enum VisitWindow {
  MONTH_1(1, 0, 2),
  MONTH_3(3, 2, 4.5),
  MONTH_6(6, 4.5, 9),
  MONTH_12(12, 9, 18);

  /** The mean length of a month in days (365.25 / 12). */
  public static final double DAYS_PER_MONTH = 30.4375;

  private final int month;
  private final double lowerMonths;
  private final double upperMonths;

  VisitWindow(int month, double lowerMonths, double upperMonths) {
    this.month = month;
    this.lowerMonths = lowerMonths;
    this.upperMonths = upperMonths;
  }

  public int month() {
    return month;
  }

  public double lowerMonths() {
    return lowerMonths;
  }

  public double upperMonths() {
    return upperMonths;
  }

  public double lowerDays() {
    return lowerMonths * DAYS_PER_MONTH;
  }

  public double upperDays() {
    return upperMonths * DAYS_PER_MONTH;
  }

  /** Whether a visit this many days after the operation belongs to the window. */
  public boolean contains(double days) {
    return days <= upperDays() && (lowerMonths == 0 ? days >= 0 : days > lowerDays());
  }

  /** The column of surgical_case that stores the status counted in this window. */
  public String statusColumn() {
    return "followup_month" + month + "_status";
  }

  public static VisitWindow ofMonth(int month) {
    for (VisitWindow window : values()) {
      if (window.month == month) {
        return window;
      }
    }
    throw new IllegalArgumentException("No window of " + month + " months");
  }
}
