package org.caseregistry.dashboard.chart;

/** A chart that can be drawn: its identity, its text alternative and its picture. */
public interface Chart {

  /** A short name used in element ids and file names, e.g. "overall-survival". */
  String name();

  String title();

  /** A sentence or two saying what the chart shows, for screen readers and the SVG's desc. */
  String description();

  int width();

  int height();

  void draw(Canvas canvas);
}
