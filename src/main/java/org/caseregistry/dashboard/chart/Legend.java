package org.caseregistry.dashboard.chart;

import java.util.List;

/** A row (or rows) of colour swatches with their labels, wrapped to the chart's width. */
final class Legend {

  static final double ROW = 18;
  private static final double SWATCH = 11;
  private static final double FONT = 11;
  private static final double GAP = 16;

  record Item(String label, String color) {}

  private Legend() {}

  static int rows(List<Item> items, double width) {
    if (items.isEmpty()) {
      return 0;
    }
    int rows = 1;
    double x = 0;
    for (Item item : items) {
      double w = itemWidth(item);
      if (x > 0 && x + w > width) {
        rows++;
        x = 0;
      }
      x += w;
    }
    return rows;
  }

  /** Draws the legend with its first row's top at y; returns the height used. */
  static double draw(Canvas canvas, List<Item> items, double left, double y, double width) {
    if (items.isEmpty()) {
      return 0;
    }
    double x = 0;
    double row = 0;
    for (Item item : items) {
      double w = itemWidth(item);
      if (x > 0 && x + w > width) {
        row++;
        x = 0;
      }
      double top = y + row * ROW;
      canvas.rect(left + x, top + 3, SWATCH, SWATCH, item.color());
      canvas.text(
          left + x + SWATCH + 4,
          top + 13,
          item.label(),
          FONT,
          Canvas.Anchor.START,
          false,
          Palette.TEXT);
      x += w;
    }
    return (row + 1) * ROW;
  }

  private static double itemWidth(Item item) {
    return SWATCH + 4 + Canvas.textWidth(item.label(), FONT) + GAP;
  }
}
