package org.caseregistry.dashboard.chart;

import java.util.ArrayList;
import java.util.List;

/** A row (or rows) of colour swatches with their labels, wrapped to the chart's width. */
final class Legend {

  static final double ROW = 18;
  private static final double SWATCH = 11;
  private static final double FONT = 11;
  private static final double GAP = 16;

  record Item(String label, String color) {}

  private Legend() {}

  /** Where each item goes: its x from the left edge and its row, wrapped to the width. */
  private record Place(Item item, double x, int row) {}

  private static List<Place> places(List<Item> items, double width) {
    List<Place> places = new ArrayList<>();
    double x = 0;
    int row = 0;
    for (Item item : items) {
      double w = itemWidth(item);
      if (x > 0 && x + w > width) {
        row++;
        x = 0;
      }
      places.add(new Place(item, x, row));
      x += w;
    }
    return places;
  }

  static int rows(List<Item> items, double width) {
    if (items.isEmpty()) {
      return 0;
    }
    List<Place> places = places(items, width);
    return places.get(places.size() - 1).row() + 1;
  }

  /** Draws the legend with its first row's top at y; returns the height used. */
  static double draw(Canvas canvas, List<Item> items, double left, double y, double width) {
    if (items.isEmpty()) {
      return 0;
    }
    for (Place place : places(items, width)) {
      double top = y + place.row() * ROW;
      canvas.rect(left + place.x(), top + 3, SWATCH, SWATCH, place.item().color());
      canvas.text(
          left + place.x() + SWATCH + 4,
          top + 13,
          place.item().label(),
          FONT,
          Canvas.Anchor.START,
          false,
          Palette.TEXT);
    }
    return rows(items, width) * ROW;
  }

  private static double itemWidth(Item item) {
    return SWATCH + 4 + Canvas.textWidth(item.label(), FONT) + GAP;
  }
}
