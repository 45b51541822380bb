package org.caseregistry.dashboard.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.caseregistry.dashboard.survival.KaplanMeierCurve;

/**
 * Kaplan-Meier curves as step lines with a mark at each censoring, the y axis from 0 to 100%, and
 * the numbers at risk at each time tick in a table under the x axis, one row per curve.
 *
 * @param daysPerUnit the length of the time axis' unit in days (30.4375 for months)
 * @param timeFormat how tick times are written
 */
public record SurvivalChart(
    String name,
    String title,
    String description,
    List<Curve> curves,
    double daysPerUnit,
    String timeAxisLabel,
    String survivalAxisLabel,
    String atRiskLabel,
    DoubleFunction<String> timeFormat)
    implements Chart {

  /** One curve: label (legend and at-risk row), colour, and the estimate with times in days. */
  public record Curve(String label, String color, KaplanMeierCurve estimate) {}

  private static final int WIDTH = 720;
  private static final double FONT = 11;
  private static final double TITLE_HEIGHT = 28;
  private static final double PLOT_HEIGHT = 260;
  private static final double AT_RISK_ROW = 16;

  /** Tick steps in months: every month, 3, 6, 12, 24 or 60 months. */
  private static final double[] MONTH_STEPS = {1, 3, 6, 12, 24, 60};

  public SurvivalChart {
    curves = List.copyOf(curves);
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public int height() {
    return (int)
        Math.ceil(
            TITLE_HEIGHT
                + legendRows() * Legend.ROW
                + 8
                + PLOT_HEIGHT
                + 44
                + 20
                + Math.max(1, curves.size()) * AT_RISK_ROW
                + 8);
  }

  private List<Legend.Item> legendItems() {
    return curves.stream().map(c -> new Legend.Item(c.label(), c.color())).toList();
  }

  private int legendRows() {
    return Legend.rows(legendItems(), WIDTH - 20);
  }

  /** The time ticks, in the axis' unit. */
  public List<Double> ticks() {
    double last =
        curves.stream().mapToDouble(c -> c.estimate().lastTime()).max().orElse(0) / daysPerUnit;
    return Ticks.timeTicks(last, MONTH_STEPS, 9);
  }

  @Override
  public void draw(Canvas canvas) {
    canvas.text(10, 19, title, 14, Canvas.Anchor.START, true, Palette.TEXT);
    double legend = Legend.draw(canvas, legendItems(), 10, TITLE_HEIGHT, WIDTH - 20);
    double top = TITLE_HEIGHT + legend + 8;
    double widestLabel =
        curves.stream().mapToDouble(c -> Canvas.textWidth(c.label(), FONT)).max().orElse(0);
    double left = Math.max(70, Math.min(240, widestLabel + 56));
    double right = WIDTH - 24;
    double bottom = top + PLOT_HEIGHT;
    List<Double> ticks = ticks();
    double axisMax = ticks.get(ticks.size() - 1);
    DoubleFunction<Double> xOf = time -> left + time / daysPerUnit / axisMax * (right - left);
    DoubleFunction<Double> yOf = survival -> bottom - survival * PLOT_HEIGHT;

    for (int percent = 0; percent <= 100; percent += 25) {
      double y = yOf.apply(percent / 100.0);
      canvas.line(left, y, right, y, Palette.GRID, 1);
      canvas.text(left - 6, y + 4, percent + "%", FONT, Canvas.Anchor.END, false, Palette.TEXT);
    }
    canvas.verticalText(16, top + PLOT_HEIGHT / 2, survivalAxisLabel, FONT, Palette.TEXT);
    for (double tick : ticks) {
      double x = left + tick / axisMax * (right - left);
      canvas.line(x, bottom, x, bottom + 4, Palette.AXIS, 1);
      canvas.text(
          x, bottom + 16, timeFormat.apply(tick), FONT, Canvas.Anchor.MIDDLE, false, Palette.TEXT);
    }
    Axes.frame(canvas, left, top, right, bottom);
    Axes.title(canvas, left, right, bottom + 34, timeAxisLabel);

    for (Curve curve : curves) {
      List<double[]> points = new ArrayList<>();
      double survival = 1;
      points.add(new double[] {xOf.apply(0), yOf.apply(1)});
      for (KaplanMeierCurve.Step step : curve.estimate().steps()) {
        double x = xOf.apply(step.time());
        if (step.events() > 0) {
          points.add(new double[] {x, yOf.apply(survival)});
          survival = step.survival();
          points.add(new double[] {x, yOf.apply(survival)});
        }
      }
      points.add(new double[] {xOf.apply(curve.estimate().lastTime()), yOf.apply(survival)});
      canvas.polyline(points, curve.color(), 2);
      for (KaplanMeierCurve.Step step : curve.estimate().steps()) {
        if (step.censored() > 0) {
          double x = xOf.apply(step.time());
          double y = yOf.apply(step.survival());
          canvas.line(x, y - 5, x, y + 5, curve.color(), 1.5);
          canvas.line(x - 3, y, x + 3, y, curve.color(), 1.5);
        }
      }
    }

    double tableTop = bottom + 44 + 14;
    canvas.text(10, tableTop, atRiskLabel, FONT, Canvas.Anchor.START, true, Palette.TEXT);
    for (int c = 0; c < curves.size(); c++) {
      Curve curve = curves.get(c);
      double y = tableTop + (c + 1) * AT_RISK_ROW;
      canvas.rect(10, y - 9, 9, 9, curve.color());
      canvas.text(left - 24, y, curve.label(), FONT, Canvas.Anchor.END, false, Palette.TEXT);
      for (double tick : ticks) {
        double x = left + tick / axisMax * (right - left);
        canvas.text(
            x,
            y,
            Integer.toString(curve.estimate().atRisk(tick * daysPerUnit)),
            FONT,
            Canvas.Anchor.MIDDLE,
            false,
            Palette.TEXT);
      }
    }
  }
}
