package org.caseregistry.dashboard.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.caseregistry.dashboard.survival.KaplanMeier;
import org.caseregistry.dashboard.survival.SurvivalTime;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Charts as SVG documents (well-formed, with title and desc, no style attributes) and as PNG. */
class ChartImagesTest {

  private static SurvivalChart survival() {
    List<SurvivalTime> sixMp =
        List.of(
            new SurvivalTime(6 * 30.4375, 3, 1),
            new SurvivalTime(7 * 30.4375, 1, 0),
            new SurvivalTime(10 * 30.4375, 1, 1),
            new SurvivalTime(13 * 30.4375, 1, 0),
            new SurvivalTime(22 * 30.4375, 1, 0),
            new SurvivalTime(23 * 30.4375, 1, 0),
            new SurvivalTime(35 * 30.4375, 0, 11));
    List<SurvivalTime> placebo =
        List.of(
            new SurvivalTime(1 * 30.4375, 2, 0),
            new SurvivalTime(4 * 30.4375, 6, 0),
            new SurvivalTime(8 * 30.4375, 4, 0),
            new SurvivalTime(12 * 30.4375, 4, 0),
            new SurvivalTime(23 * 30.4375, 5, 0));
    return new SurvivalChart(
        "overall-survival",
        "Overall survival <6-MP & placebo>",
        "Kaplan-Meier estimate: 6-MP 21 cases, placebo 21 cases",
        List.of(
            new SurvivalChart.Curve("6-MP", Palette.BLUE, KaplanMeier.estimate(sixMp)),
            new SurvivalChart.Curve("Giả dược", Palette.ORANGE, KaplanMeier.estimate(placebo))),
        30.4375,
        "Months after the operation",
        "Estimated survival (%)",
        "Number at risk",
        v -> String.valueOf((int) v));
  }

  private static BarChart bars(BarChart.Orientation orientation, boolean stacked) {
    return new BarChart(
        "follow-up",
        "Follow-up",
        "Status per window",
        List.of("1 month", "3 months", "6 months", "12 months"),
        List.of(
            new BarChart.Series("Well", Palette.GREEN, List.of(5.0, 6.0, 0.0, 0.0)),
            new BarChart.Series("Reflux", Palette.ORANGE, List.of(1.0, 0.0, 0.0, 0.0)),
            new BarChart.Series("Not yet due", Palette.LIGHT_GREY, List.of(0.0, 0.0, 6.0, 6.0))),
        orientation,
        stacked,
        "Window",
        "Cases",
        v -> String.valueOf(v),
        null);
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  @Test
  void svgDocumentsAreWellFormedWithATitleAndADescription() throws Exception {
    for (Chart chart :
        List.of(
            survival(),
            bars(BarChart.Orientation.VERTICAL, false),
            bars(BarChart.Orientation.HORIZONTAL, true),
            bars(BarChart.Orientation.VERTICAL, true))) {
      String svg = ChartImages.svgDocument(chart);
      Document document = parse(svg);
      Element root = document.getDocumentElement();
      assertThat(root.getLocalName()).isEqualTo("svg");
      assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
      assertThat(root.getAttribute("role")).isEqualTo("img");
      assertThat(root.getAttribute("aria-labelledby"))
          .isEqualTo("chart-" + chart.name() + "-title chart-" + chart.name() + "-desc");
      NodeList titles = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
      assertThat(titles.getLength()).isEqualTo(1);
      assertThat(titles.item(0).getTextContent()).isEqualTo(chart.title());
      assertThat(
              root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc")
                  .item(0)
                  .getTextContent())
          .isEqualTo(chart.description());
      assertThat(svg)
          .as("the content security policy forbids inline styles")
          .doesNotContain("style=");
    }
  }

  @Test
  void theSurvivalChartCarriesTheNumbersAtRiskAndCensoringMarks() throws Exception {
    SurvivalChart chart = survival();
    assertThat(chart.ticks()).containsExactly(0.0, 6.0, 12.0, 18.0, 24.0, 30.0, 36.0);
    Document document = parse(ChartImages.svgDocument(chart));
    NodeList texts = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> all = new java.util.ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      all.add(texts.item(i).getTextContent());
    }
    assertThat(all).contains("Number at risk", "6-MP", "Giả dược", "21", "0");
    // at risk (time ≥ tick) at 0, 6, 12, 18, 24, 30, 36 months: 21, 21, 14, 13, 11, 11, 0
    int at = all.indexOf("Number at risk");
    assertThat(all.subList(at, all.size()))
        .containsSubsequence("6-MP", "21", "21", "14", "13", "11", "11", "0");
  }

  @Test
  void pngsAreReadableImagesAtTwiceTheSize() throws Exception {
    for (Chart chart : List.of(survival(), bars(BarChart.Orientation.HORIZONTAL, true))) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartImages.png(chart)));
      assertThat(image).isNotNull();
      assertThat(image.getWidth()).isEqualTo(chart.width() * 2);
      assertThat(image.getHeight()).isEqualTo(chart.height() * 2);
    }
  }

  @Test
  void textIsEscaped() {
    assertThat(ChartImages.svgDocument(survival()))
        .contains("Overall survival &lt;6-MP &amp; placebo&gt;");
  }
}
