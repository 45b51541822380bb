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
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\"")
        .append(" id=\"")
        .append(id)
        .append('"')
        .append(" width=\"")
        .append(chart.width())
        .append('"')
        .append(" height=\"")
        .append(chart.height())
        .append('"')
        .append(" viewBox=\"0 0 ")
        .append(chart.width())
        .append(' ')
        .append(chart.height())
        .append('"')
        .append(" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\"")
        .append(" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\">\n");
    svg.append("<title id=\"")
        .append(id)
        .append("-title\">")
        .append(escape(chart.title()))
        .append("</title>\n");
    svg.append("<desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(escape(chart.description()))
        .append("</desc>\n");
    canvas.rect(0, 0, chart.width(), chart.height(), "#FFFFFF");
    chart.draw(canvas);
    svg.append("</svg>\n");
    return svg.toString();
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    out.append("<rect x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" width=\"")
        .append(n(width))
        .append("\" height=\"")
        .append(n(height))
        .append("\" fill=\"")
        .append(fill)
        .append("\"/>\n");
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    out.append("<line x1=\"")
        .append(n(x1))
        .append("\" y1=\"")
        .append(n(y1))
        .append("\" x2=\"")
        .append(n(x2))
        .append("\" y2=\"")
        .append(n(y2))
        .append("\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(n(strokeWidth))
        .append("\"/>\n");
  }

  @Override
  public void polyline(List<double[]> points, String stroke, double strokeWidth) {
    out.append("<polyline fill=\"none\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(n(strokeWidth))
        .append("\" points=\"");
    for (int i = 0; i < points.size(); i++) {
      out.append(i == 0 ? "" : " ")
          .append(n(points.get(i)[0]))
          .append(',')
          .append(n(points.get(i)[1]));
    }
    out.append("\"/>\n");
  }

  @Override
  public void text(
      double x, double y, String text, double size, Anchor anchor, boolean bold, String fill) {
    out.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" font-size=\"")
        .append(n(size))
        .append('"');
    if (anchor != Anchor.START) {
      out.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
    }
    if (bold) {
      out.append(" font-weight=\"bold\"");
    }
    out.append(" fill=\"").append(fill).append("\">").append(escape(text)).append("</text>\n");
  }

  @Override
  public void verticalText(double x, double y, String text, double size, String fill) {
    out.append("<text x=\"")
        .append(n(x))
        .append("\" y=\"")
        .append(n(y))
        .append("\" font-size=\"")
        .append(n(size))
        .append("\" text-anchor=\"middle\"")
        .append(" transform=\"rotate(-90 ")
        .append(n(x))
        .append(' ')
        .append(n(y))
        .append(")\"")
        .append(" fill=\"")
        .append(fill)
        .append("\">")
        .append(escape(text))
        .append("</text>\n");
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
