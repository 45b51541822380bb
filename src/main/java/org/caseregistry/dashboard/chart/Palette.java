package org.caseregistry.dashboard.chart;

/** Colours that stay distinguishable for colour-blind readers (Okabe and Ito 2008), then greys. */
public final class Palette {

  public static final String BLUE = "#0072B2";
  public static final String ORANGE = "#E69F00";
  public static final String GREEN = "#009E73";
  public static final String PURPLE = "#CC79A7";
  public static final String SKY = "#56B4E9";
  public static final String VERMILION = "#D55E00";
  public static final String YELLOW = "#F0E442";
  public static final String BLACK = "#000000";
  public static final String GREY = "#999999";
  public static final String LIGHT_GREY = "#DDDDDD";
  public static final String DARK_GREY = "#555555";

  static final String AXIS = "#333333";
  static final String GRID = "#E5E5E5";
  static final String TEXT = "#212529";

  private static final String[] SEQUENCE = {
    BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILION, YELLOW, BLACK, GREY
  };

  private Palette() {}

  /** The n-th colour of the sequence, repeating after nine. */
  public static String nth(int index) {
    return SEQUENCE[Math.floorMod(index, SEQUENCE.length)];
  }
}
