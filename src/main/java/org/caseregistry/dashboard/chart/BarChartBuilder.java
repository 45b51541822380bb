package org.caseregistry.dashboard.chart;

import java.util.List;
import java.util.function.DoubleFunction;

/** The settings of a {@link BarChart} by name, instead of a positional list of flags and nulls. */
public final class BarChartBuilder {
  private final String name;
  private final String title;
  private final String description;
  private List<String> categories = List.of();
  private List<BarChart.Series> series = List.of();
  private BarChart.Orientation orientation = BarChart.Orientation.VERTICAL;
  private boolean stacked;
  private String categoryAxisLabel = "";
  private String valueAxisLabel = "";
  private DoubleFunction<String> valueFormat = String::valueOf;
  private Double fixedMax;

  BarChartBuilder(String name, String title, String description) {
    this.name = name;
    this.title = title;
    this.description = description;
  }

  public BarChartBuilder categories(List<String> value) {
    categories = value;
    return this;
  }

  public BarChartBuilder series(List<BarChart.Series> value) {
    series = value;
    return this;
  }

  public BarChartBuilder series(BarChart.Series value) {
    return series(List.of(value));
  }

  /** Categories down the y axis, for long labels. */
  public BarChartBuilder horizontal() {
    orientation = BarChart.Orientation.HORIZONTAL;
    return this;
  }

  /** One bar per category, its series stacked. */
  public BarChartBuilder stacked() {
    stacked = true;
    return this;
  }

  public BarChartBuilder axes(String categoryAxis, String valueAxis) {
    categoryAxisLabel = categoryAxis;
    valueAxisLabel = valueAxis;
    return this;
  }

  public BarChartBuilder valueFormat(DoubleFunction<String> value) {
    valueFormat = value;
    return this;
  }

  /** The value axis ends at {@code max} (e.g. 100 for percentages) instead of fitting the data. */
  public BarChartBuilder upTo(double max) {
    fixedMax = max;
    return this;
  }

  public BarChart build() {
    return new BarChart(
        name,
        title,
        description,
        categories,
        series,
        orientation,
        stacked,
        categoryAxisLabel,
        valueAxisLabel,
        valueFormat,
        fixedMax);
  }
}
