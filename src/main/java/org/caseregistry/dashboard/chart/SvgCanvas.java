package org.caseregistry.dashboard.chart;

import java.util.List;
import java.util.Locale;

/**
 * Writes SVG with presentation attributes only (no style attributes, which the content security
 * policy forbids), with the chart's title and description as {@code <title>} and {@code <desc>}.
 */
final class SvgCanvas implements Canvas {

  private final StringBuilder out = new StringBuilder();

  static String render(Chart chart, boolean standalone) {
    SvgCanvas canvas = new SvgCanvas();
    String id = "chart-" + chart.name();
    StringBuilder svg = canvas.out;
    if (standalone) {
      svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\"");
    canvas
        .attribute("id", id)
        .attribute("width", chart.width())
        .attribute("height", chart.height())
        .attribute("viewBox", "0 0 " + chart.width() + " " + chart.height())
        .attribute("role", "img")
        .attribute("aria-labelledby", id + "-title " + id + "-desc")
        .attribute("font-family", "DejaVu Sans, Arial, Helvetica, sans-serif");
    svg.append(">\n");
    canvas.element("title", id + "-title", chart.title());
    canvas.element("desc", id + "-desc", chart.description());
    canvas.rect(0, 0, chart.width(), chart.height(), "#FFFFFF");
    chart.draw(canvas);
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** Appends {@code name="value"}, the value escaped. */
  private SvgCanvas attribute(String name, String value) {
    out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    return this;
  }

  private SvgCanvas attribute(String name, double value) {
    return attribute(name, n(value));
  }

  private void element(String tag, String id, String text) {
    out.append('<').append(tag);
    attribute("id", id);
    out.append('>').append(escape(text)).append("</").append(tag).append(">\n");
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    out.append("<rect");
    attribute("x", x).attribute("y", y).attribute("width", width).attribute("height", height);
    attribute("fill", fill);
    out.append("/>\n");
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    out.append("<line");
    attribute("x1", x1).attribute("y1", y1).attribute("x2", x2).attribute("y2", y2);
    attribute("stroke", stroke).attribute("stroke-width", strokeWidth);
    out.append("/>\n");
  }

  @Override
  public void polyline(List<double[]> points, String stroke, double strokeWidth) {
    StringBuilder coordinates = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      coordinates
          .append(i == 0 ? "" : " ")
          .append(n(points.get(i)[0]))
          .append(',')
          .append(n(points.get(i)[1]));
    }
    out.append("<polyline");
    attribute("fill", "none").attribute("stroke", stroke).attribute("stroke-width", strokeWidth);
    attribute("points", coordinates.toString());
    out.append("/>\n");
  }

  @Override
  public void text(
      double x, double y, String text, double size, Anchor anchor, boolean bold, String fill) {
    out.append("<text");
    attribute("x", x).attribute("y", y).attribute("font-size", size);
    if (anchor != Anchor.START) {
      attribute("text-anchor", anchor == Anchor.MIDDLE ? "middle" : "end");
    }
    if (bold) {
      attribute("font-weight", "bold");
    }
    attribute("fill", fill);
    out.append('>').append(escape(text)).append("</text>\n");
  }

  @Override
  public void verticalText(double x, double y, String text, double size, String fill) {
    out.append("<text");
    attribute("x", x).attribute("y", y).attribute("font-size", size);
    attribute("text-anchor", "middle")
        .attribute("transform", "rotate(-90 " + n(x) + " " + n(y) + ")");
    attribute("fill", fill);
    out.append('>').append(escape(text)).append("</text>\n");
  }

  private static String n(double value) {
    if (value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
