package org.caseregistry.dashboard.chart;

/** The axis lines and axis titles the charts share. */
final class Axes {

  private static final double FONT = 11;

  private Axes() {}

  /** The x axis along the bottom, then the y axis up the left, of a plot. */
  static void frame(Canvas canvas, double left, double top, double right, double bottom) {
    canvas.line(left, bottom, right, bottom, Palette.AXIS, 1);
    canvas.line(left, top, left, bottom, Palette.AXIS, 1);
  }

  /** A horizontal axis' title, centred under it with its baseline at y. */
  static void title(Canvas canvas, double left, double right, double y, String text) {
    canvas.text((left + right) / 2, y, text, FONT, Canvas.Anchor.MIDDLE, false, Palette.TEXT);
  }
}
