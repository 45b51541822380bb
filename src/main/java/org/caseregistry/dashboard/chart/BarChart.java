package org.caseregistry.dashboard.chart;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Bars for categories, one bar per series (side by side) or one stacked bar per category; vertical
 * (categories along the x axis) or horizontal (categories down the y axis, for long labels).
 * Single-series bars carry their value. Built with {@link #builder}, which names every setting.
 *
 * @param valueFormat how values and value-axis ticks are written (locale's decimal sign)
 * @param fixedMax the end of the value axis (e.g. 100 for percentages), or null to fit the data
 */
public record BarChart(
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
    Double fixedMax)
    implements Chart {

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

  public BarChart {
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException("One value per category in " + s.label());
      }
    }
    categories = List.copyOf(categories);
    series = List.copyOf(series);
  }

  /** A vertical, side-by-side chart fitted to its data until told otherwise. */
  public static BarChartBuilder builder(String name, String title, String description) {
    return new BarChartBuilder(name, title, description);
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
    Bars bars = new Bars(bottom, barGroup, axisMax, plotHeight);
    double widest = categories.stream().mapToDouble(c -> Canvas.textWidth(c, FONT)).max().orElse(0);
    int every = Math.max(1, (int) Math.ceil((widest + 6) / slot));
    for (int c = 0; c < categories.size(); c++) {
      bars.draw(canvas, c, left + c * slot + (slot - barGroup) / 2);
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
    Axes.frame(canvas, left, top, right, bottom);
    Axes.title(canvas, left, right, bottom + 36, categoryAxisLabel);
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
    Bars bars = new Bars(left, barGroup, axisMax, plotWidth);
    for (int c = 0; c < categories.size(); c++) {
      canvas.text(
          left - 8,
          top + c * BAR_ROW + BAR_ROW / 2 + 4,
          shorten(categories.get(c), left - 16),
          FONT,
          Canvas.Anchor.END,
          false,
          Palette.TEXT);
      bars.draw(canvas, c, top + c * BAR_ROW + (BAR_ROW - barGroup) / 2);
    }
    canvas.line(left, top, left, bottom, Palette.AXIS, 1);
    canvas.line(left, bottom, right, bottom, Palette.AXIS, 1);
    Axes.title(canvas, left, right, bottom + 34, valueAxisLabel);
  }

  /**
   * The bars of one category, in either orientation: {@code base} is where the value axis starts
   * (the plot's bottom, or its left edge), {@code group} the room of one category across the bars,
   * {@code plotLength} the length of the value axis.
   */
  private final class Bars {
    private final double base;
    private final double group;
    private final double thickness;
    private final double axisMax;
    private final double plotLength;

    Bars(double base, double group, double axisMax, double plotLength) {
      this.base = base;
      this.group = group;
      this.thickness = group / (stacked ? 1 : Math.max(1, series.size()));
      this.axisMax = axisMax;
      this.plotLength = plotLength;
    }

    /** The bars of category {@code c}, whose group starts at {@code start} across the bars. */
    void draw(Canvas canvas, int c, double start) {
      double stackedLength = 0;
      for (int s = 0; s < series.size(); s++) {
        double value = series.get(s).values().get(c);
        double length = value / axisMax * plotLength;
        if (stacked) {
          bar(canvas, start, group, stackedLength, length, series.get(s).color());
          stackedLength += length;
        } else {
          double across = start + s * thickness;
          bar(canvas, across, thickness, 0, length, series.get(s).color());
          if (series.size() == 1) {
            valueLabel(canvas, across, length, value);
          }
        }
      }
    }

    /** A bar from {@code from} to {@code from + length} along the value axis. */
    private void bar(
        Canvas canvas, double across, double width, double from, double length, String color) {
      if (orientation == Orientation.HORIZONTAL) {
        canvas.rect(base + from, across, length, width, color);
      } else {
        canvas.rect(across, base - from - length, width, length, color);
      }
    }

    /** A single series' value at the end of its bar (vertical bars: only above zero). */
    private void valueLabel(Canvas canvas, double across, double length, double value) {
      if (orientation == Orientation.HORIZONTAL) {
        canvas.text(
            base + length + 4,
            across + thickness / 2 + 4,
            valueFormat.apply(value),
            FONT,
            Canvas.Anchor.START,
            false,
            Palette.TEXT);
      } else if (value > 0) {
        canvas.text(
            across + thickness / 2,
            base - length - 4,
            valueFormat.apply(value),
            FONT,
            Canvas.Anchor.MIDDLE,
            false,
            Palette.TEXT);
      }
    }
  }

  private static String shorten(String label, double width) {
    if (Canvas.textWidth(label, FONT) <= width) {
      return label;
    }
    int keep = Math.max(1, (int) (width / (FONT * 0.64)) - 1);
    return label.substring(0, Math.min(label.length(), keep)) + "…";
  }
}
