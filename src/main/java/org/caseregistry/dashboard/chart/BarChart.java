package org.caseregistry.dashboard.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Bars for categories, one bar per series (side by side) or one stacked bar per category; vertical
 * (categories along the x axis) or horizontal (categories down the y axis, for long labels).
 * Single-series bars carry their value.
 */
public final class BarChart implements Chart {

  public enum Orientation {
    VERTICAL,
    HORIZONTAL
  }

  /** One series: a label for the legend, a colour, and one value per category. */
  public record Series(String label, String color, List<Double> values) {
    public Series {
      values = List.copyOf(values);
    }
  }

  private static final int WIDTH = 720;
  private static final double TITLE_HEIGHT = 28;
  private static final double FONT = 11;
  private static final double BAR_ROW = 24;

  private final String name;
  private final String title;
  private final String description;
  private final List<String> categories;
  private final List<Series> series;
  private final Orientation orientation;
  private final boolean stacked;
  private final String categoryAxisLabel;
  private final String valueAxisLabel;
  private final DoubleFunction<String> valueFormat;
  private final Double fixedMax;

  /**
   * @param valueFormat how values and value-axis ticks are written (locale's decimal sign)
   * @param fixedMax the end of the value axis (e.g. 100 for percentages), or null to fit the data
   */
  public BarChart(
      String name,
      String title,
      String description,
      List<String> categories,
      List<Series> series,
      Orientation orientation,
      boolean stacked,
      String categoryAxisLabel,
      String valueAxisLabel,
      DoubleFunction<String> valueFormat,
      Double fixedMax) {
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException("One value per category in " + s.label());
      }
    }
    this.name = name;
    this.title = title;
    this.description = description;
    this.categories = List.copyOf(categories);
    this.series = List.copyOf(series);
    this.orientation = orientation;
    this.stacked = stacked;
    this.categoryAxisLabel = categoryAxisLabel;
    this.valueAxisLabel = valueAxisLabel;
    this.valueFormat = valueFormat;
    this.fixedMax = fixedMax;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public int height() {
    double legend = legendRows() * Legend.ROW;
    if (orientation == Orientation.HORIZONTAL) {
      return (int)
          Math.ceil(TITLE_HEIGHT + legend + 8 + Math.max(1, categories.size()) * BAR_ROW + 44);
    }
    return (int) Math.ceil(TITLE_HEIGHT + legend + 300);
  }

  private List<Legend.Item> legendItems() {
    if (series.size() < 2) {
      return List.of();
    }
    return series.stream().map(s -> new Legend.Item(s.label(), s.color())).toList();
  }

  private int legendRows() {
    return Legend.rows(legendItems(), WIDTH - 20);
  }

  private double maxValue() {
    if (fixedMax != null) {
      return fixedMax;
    }
    double max = 0;
    for (int c = 0; c < categories.size(); c++) {
      double total = 0;
      for (Series s : series) {
        double value = s.values().get(c);
        total = stacked ? total + value : Math.max(total, value);
      }
      max = Math.max(max, total);
    }
    return max;
  }

  @Override
  public void draw(Canvas canvas) {
    canvas.text(10, 19, title, 14, Canvas.Anchor.START, true, Palette.TEXT);
    double legend = Legend.draw(canvas, legendItems(), 10, TITLE_HEIGHT, WIDTH - 20);
    double top = TITLE_HEIGHT + legend + 8;
    boolean integers = fixedMax == null && allIntegers();
    List<Double> ticks = Ticks.upTo(maxValue(), 6, integers);
    double axisMax = ticks.get(ticks.size() - 1);
    if (orientation == Orientation.HORIZONTAL) {
      drawHorizontal(canvas, top, ticks, axisMax);
    } else {
      drawVertical(canvas, top, ticks, axisMax);
    }
  }

  private boolean allIntegers() {
    return series.stream().flatMap(s -> s.values().stream()).allMatch(v -> v == Math.rint(v));
  }

  private void drawVertical(Canvas canvas, double top, List<Double> ticks, double axisMax) {
    double left = 62;
    double right = WIDTH - 16;
    double bottom = height() - 46;
    double plotHeight = bottom - top;
    for (double tick : ticks) {
      double y = bottom - tick / axisMax * plotHeight;
      canvas.line(left, y, right, y, Palette.GRID, 1);
      canvas.text(
          left - 6, y + 4, valueFormat.apply(tick), FONT, Canvas.Anchor.END, false, Palette.TEXT);
    }
    canvas.verticalText(16, top + plotHeight / 2, valueAxisLabel, FONT, Palette.TEXT);
    int count = Math.max(1, categories.size());
    double slot = (right - left) / count;
    double barGroup = slot * 0.75;
    int bars = stacked ? 1 : Math.max(1, series.size());
    double barWidth = barGroup / bars;
    double widest = categories.stream().mapToDouble(c -> Canvas.textWidth(c, FONT)).max().orElse(0);
    int every = Math.max(1, (int) Math.ceil((widest + 6) / slot));
    for (int c = 0; c < categories.size(); c++) {
      double x0 = left + c * slot + (slot - barGroup) / 2;
      double stackedHeight = 0;
      for (int s = 0; s < series.size(); s++) {
        double value = series.get(s).values().get(c);
        double h = value / axisMax * plotHeight;
        if (stacked) {
          canvas.rect(x0, bottom - stackedHeight - h, barGroup, h, series.get(s).color());
          stackedHeight += h;
        } else {
          canvas.rect(x0 + s * barWidth, bottom - h, barWidth, h, series.get(s).color());
          if (series.size() == 1 && value > 0) {
            canvas.text(
                x0 + barWidth / 2,
                bottom - h - 4,
                valueFormat.apply(value),
                FONT,
                Canvas.Anchor.MIDDLE,
                false,
                Palette.TEXT);
          }
        }
      }
      if (c % every == 0) {
        canvas.text(
            left + c * slot + slot / 2,
            bottom + 15,
            categories.get(c),
            FONT,
            Canvas.Anchor.MIDDLE,
            false,
            Palette.TEXT);
      }
    }
    canvas.line(left, bottom, right, bottom, Palette.AXIS, 1);
    canvas.line(left, top, left, bottom, Palette.AXIS, 1);
    canvas.text(
        (left + right) / 2,
        bottom + 36,
        categoryAxisLabel,
        FONT,
        Canvas.Anchor.MIDDLE,
        false,
        Palette.TEXT);
  }

  private void drawHorizontal(Canvas canvas, double top, List<Double> ticks, double axisMax) {
    double widest = categories.stream().mapToDouble(c -> Canvas.textWidth(c, FONT)).max().orElse(0);
    double left = Math.min(300, 16 + widest);
    double right = WIDTH - 56;
    double bottom = top + Math.max(1, categories.size()) * BAR_ROW;
    double plotWidth = right - left;
    for (double tick : ticks) {
      double x = left + tick / axisMax * plotWidth;
      canvas.line(x, top, x, bottom, Palette.GRID, 1);
      canvas.text(
          x, bottom + 15, valueFormat.apply(tick), FONT, Canvas.Anchor.MIDDLE, false, Palette.TEXT);
    }
    double barGroup = BAR_ROW * 0.7;
    int bars = stacked ? 1 : Math.max(1, series.size());
    double barHeight = barGroup / bars;
    for (int c = 0; c < categories.size(); c++) {
      double y0 = top + c * BAR_ROW + (BAR_ROW - barGroup) / 2;
      canvas.text(
          left - 8,
          top + c * BAR_ROW + BAR_ROW / 2 + 4,
          shorten(categories.get(c), left - 16),
          FONT,
          Canvas.Anchor.END,
          false,
          Palette.TEXT);
      double stackedWidth = 0;
      for (int s = 0; s < series.size(); s++) {
        double value = series.get(s).values().get(c);
        double w = value / axisMax * plotWidth;
        if (stacked) {
          canvas.rect(left + stackedWidth, y0, w, barGroup, series.get(s).color());
          stackedWidth += w;
        } else {
          canvas.rect(left, y0 + s * barHeight, w, barHeight, series.get(s).color());
          if (series.size() == 1) {
            canvas.text(
                left + w + 4,
                y0 + barHeight / 2 + 4,
                valueFormat.apply(value),
                FONT,
                Canvas.Anchor.START,
                false,
                Palette.TEXT);
          }
        }
      }
    }
    canvas.line(left, top, left, bottom, Palette.AXIS, 1);
    canvas.line(left, bottom, right, bottom, Palette.AXIS, 1);
    canvas.text(
        (left + right) / 2,
        bottom + 34,
        valueAxisLabel,
        FONT,
        Canvas.Anchor.MIDDLE,
        false,
        Palette.TEXT);
  }

  private static String shorten(String label, double width) {
    if (Canvas.textWidth(label, FONT) <= width) {
      return label;
    }
    int keep = Math.max(1, (int) (width / (FONT * 0.64)) - 1);
    return label.substring(0, Math.min(label.length(), keep)) + "…";
  }

  /** The categories, for tests and tables. */
  public List<String> categories() {
    return new ArrayList<>(categories);
  }

  public List<Series> series() {
    return series;
  }
}
