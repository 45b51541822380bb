package org.caseregistry.dashboard.chart;

import java.util.List;

/**
 * What a chart draws on: the few shapes the dashboard's charts need, in a coordinate system of
 * pixels with the origin at the top left. One implementation writes SVG, one paints a PNG, so that
 * both downloads show the same picture.
 */
interface Canvas {

  enum Anchor {
    START,
    MIDDLE,
    END
  }

  void rect(double x, double y, double width, double height, String fill);

  void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth);

  /** An open line through the points (x, y pairs). */
  void polyline(List<double[]> points, String stroke, double strokeWidth);

  /** Text with its baseline at y. */
  void text(double x, double y, String text, double size, Anchor anchor, boolean bold, String fill);

  /** Text with its baseline at y, turned 90° counter-clockwise around (x, y). */
  void verticalText(double x, double y, String text, double size, String fill);

  /** Approximate width of a text line, the same for every canvas so that layouts agree. */
  static double textWidth(String text, double size) {
    return text.length() * size * 0.64;
  }
}
