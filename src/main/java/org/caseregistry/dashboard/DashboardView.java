package org.caseregistry.dashboard;

import java.util.List;

/**
 * What the dashboard page shows: key figures and panels, all texts already in the reader's
 * language.
 */
public record DashboardView(List<KeyFigure> keyFigures, List<Panel> panels) {

  /** Whether the page shows this panel (e.g. no survival split without survival curves). */
  public boolean hasPanel(String name) {
    return panels.stream().anyMatch(panel -> panel.name().equals(name));
  }

  /** A number at the top of the page, e.g. the anastomotic leak rate with its denominator. */
  public record KeyFigure(String id, String label, String value, String detail) {}

  /**
   * One chart (or, without {@code svg}, one set of figures) with its text alternative, the tables
   * of the numbers it shows, and notes on how they were counted.
   */
  public record Panel(
      String name,
      String title,
      String svg,
      String description,
      List<Table> tables,
      List<String> notes) {

    public boolean hasChart() {
      return svg != null;
    }
  }

  /** An option of a select: the value sent and the message key of its label. */
  public record Choice(String value, String messageKey) {}

  /** A table of numbers; the first column names the rows. */
  public record Table(String caption, List<String> header, List<List<String>> rows) {}
}
