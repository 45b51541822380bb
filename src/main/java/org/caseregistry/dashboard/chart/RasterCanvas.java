package org.caseregistry.dashboard.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Paints a chart with Java2D (headless) and encodes it as PNG. */
final class RasterCanvas implements Canvas {

  private static final String FONT_FAMILY = "DejaVu Sans";

  private final Graphics2D graphics;

  private RasterCanvas(Graphics2D graphics) {
    this.graphics = graphics;
  }

  /** The chart as PNG, drawn at {@code scale} times its size for sharp print. */
  static byte[] render(Chart chart, double scale) {
    int width = (int) Math.ceil(chart.width() * scale);
    int height = (int) Math.ceil(chart.height() * scale);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      graphics.setRenderingHint(
          RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      graphics.scale(scale, scale);
      RasterCanvas canvas = new RasterCanvas(graphics);
      canvas.rect(0, 0, chart.width(), chart.height(), "#FFFFFF");
      chart.draw(canvas);
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    graphics.setColor(Color.decode(fill));
    graphics.fill(new Rectangle2D.Double(x, y, width, height));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    graphics.setColor(Color.decode(stroke));
    graphics.setStroke(new BasicStroke((float) strokeWidth));
    graphics.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void polyline(List<double[]> points, String stroke, double strokeWidth) {
    if (points.isEmpty()) {
      return;
    }
    Path2D.Double path = new Path2D.Double();
    path.moveTo(points.get(0)[0], points.get(0)[1]);
    for (double[] point : points.subList(1, points.size())) {
      path.lineTo(point[0], point[1]);
    }
    graphics.setColor(Color.decode(stroke));
    graphics.setStroke(new BasicStroke((float) strokeWidth));
    graphics.draw(path);
  }

  @Override
  public void text(
      double x, double y, String text, double size, Anchor anchor, boolean bold, String fill) {
    Font font = new Font(FONT_FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    graphics.setFont(font);
    graphics.setColor(Color.decode(fill));
    FontMetrics metrics = graphics.getFontMetrics();
    double width = metrics.getStringBounds(text, graphics).getWidth();
    double left =
        switch (anchor) {
          case START -> x;
          case MIDDLE -> x - width / 2;
          case END -> x - width;
        };
    graphics.drawString(text, (float) left, (float) y);
  }

  @Override
  public void verticalText(double x, double y, String text, double size, String fill) {
    AffineTransform before = graphics.getTransform();
    graphics.rotate(-Math.PI / 2, x, y);
    text(x, y, text, size, Anchor.MIDDLE, false, fill);
    graphics.setTransform(before);
  }
}
