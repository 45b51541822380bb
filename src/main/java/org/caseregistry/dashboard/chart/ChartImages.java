package org.caseregistry.dashboard.chart;

/** A chart as SVG (to embed in a page or download) or PNG. */
public final class ChartImages {

  /** PNGs are drawn at twice the SVG's size, sharp enough for print. */
  private static final double PNG_SCALE = 2;

  private ChartImages() {}

  /** An {@code <svg>} element to put inside an HTML page. */
  public static String inlineSvg(Chart chart) {
    return SvgCanvas.render(chart, false);
  }

  /** A standalone SVG document, with the XML declaration. */
  public static String svgDocument(Chart chart) {
    return SvgCanvas.render(chart, true);
  }

  public static byte[] png(Chart chart) {
    return RasterCanvas.render(chart, PNG_SCALE);
  }
}
