package org.caseregistry.dashboard.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The estimator against the worked example of Kleinbaum and Klein (chapter 2, the 6-MP remission
 * data), to the four decimals printed there.
 */
class KaplanMeierTest {

  private static final double PRINTED = 0.00005;

  /*
   * Hand computation, 6-MP group (21 patients; n = at risk, d = events, c = censored at t):
   *
   *   t   n   d  c   S(t)
   *   6   21  3  1   18/21                        = 0.857142… → 0.8571
   *   7   17  1  0   0.857142 × 16/17             = 0.806723… → 0.8067
   *   9   16  0  1   (censoring only)
   *   10  15  1  1   0.806723 × 14/15             = 0.752941… → 0.7529
   *   11  13  0  1
   *   13  12  1  0   0.752941 × 11/12             = 0.690196… → 0.6902
   *   16  11  1  0   0.690196 × 10/11             = 0.627451… → 0.6275
   *   17  10  0  1;  19  9  0  1;  20  8  0  1
   *   22  7   1  0   0.627451 × 6/7               = 0.537815… → 0.5378
   *   23  6   1  0   0.537815 × 5/6               = 0.448179… → 0.4482
   *   25  5 0 1;  32  4 0 2;  34  2 0 1;  35  1 0 1
   *
   * n at 7 is 21 − 3 − 1 = 17 (the one censored at 6 is at risk at 6, gone after it); n at 10 is
   * 17 − 1 (7) − 1 (9+) = 15; n at 13 is 15 − 2 (10, 10+) − 1 (11+) = 12; n at 22 is 11 − 1 (16)
   * − 3 (17+, 19+, 20+) = 7.
   */
  @Test
  void reproducesThePrintedEstimatesOfThe6MpGroup() {
    KaplanMeierCurve curve = KaplanMeier.estimate(RemissionData.sixMp());

    List<KaplanMeierCurve.Step> drops = curve.eventSteps();
    assertThat(drops)
        .extracting(KaplanMeierCurve.Step::time)
        .containsExactly(6.0, 7.0, 10.0, 13.0, 16.0, 22.0, 23.0);
    assertThat(drops)
        .extracting(KaplanMeierCurve.Step::atRisk)
        .containsExactly(21, 17, 15, 12, 11, 7, 6);
    assertThat(drops)
        .extracting(KaplanMeierCurve.Step::events)
        .containsExactly(3, 1, 1, 1, 1, 1, 1);
    double[] printed = {0.8571, 0.8067, 0.7529, 0.6902, 0.6275, 0.5378, 0.4482};
    for (int i = 0; i < printed.length; i++) {
      assertThat(drops.get(i).survival())
          .as("S(%s)", drops.get(i).time())
          .isCloseTo(printed[i], within(PRINTED));
    }
    assertThat(curve.subjects()).isEqualTo(21);
    assertThat(curve.events()).isEqualTo(9);
    assertThat(curve.censored()).isEqualTo(12);
  }

  @Test
  void theCurveIsAStepFunctionThatStaysFlatAfterTheLastEvent() {
    KaplanMeierCurve curve = KaplanMeier.estimate(RemissionData.sixMp());
    assertThat(curve.survivalAt(0)).isEqualTo(1.0);
    assertThat(curve.survivalAt(5.99)).isEqualTo(1.0);
    assertThat(curve.survivalAt(6)).isCloseTo(18.0 / 21, within(1e-12));
    assertThat(curve.survivalAt(12)).isCloseTo(0.7529, within(PRINTED));
    assertThat(curve.survivalAt(35)).isCloseTo(0.4482, within(PRINTED));
    assertThat(curve.lastTime()).isEqualTo(35.0);
  }

  /*
   * Numbers at risk as printed under a KM plot (those still followed at t, time ≥ t):
   *   6-MP:    t = 0: 21;  t = 10: 21 − 4 (6,6,6,6+) − 1 (7) − 1 (9+) = 15;
   *            t = 20: 15 − 2 (10, 10+) − 1 (11+) − 1 (13) − 1 (16) − 2 (17+, 19+) = 8;
   *            t = 30: 8 − 1 (20+) − 1 (22) − 1 (23) − 1 (25+) = 4;  t = 36: 0
   *   placebo: t = 0: 21;  t = 10: 21 − 13 (1,1,2,2,3,4,4,5,5,8,8,8,8) = 8;
   *            t = 20: 8 − 4 (11,11,12,12) − 1 (15) − 1 (17) = 2;  t = 30: 0
   */
  @Test
  void numbersAtRiskUnderTheAxis() {
    KaplanMeierCurve sixMp = KaplanMeier.estimate(RemissionData.sixMp());
    KaplanMeierCurve placebo = KaplanMeier.estimate(RemissionData.placebo());
    assertThat(
            List.of(
                sixMp.atRisk(0),
                sixMp.atRisk(10),
                sixMp.atRisk(20),
                sixMp.atRisk(30),
                sixMp.atRisk(36)))
        .containsExactly(21, 15, 8, 4, 0);
    assertThat(
            List.of(placebo.atRisk(0), placebo.atRisk(10), placebo.atRisk(20), placebo.atRisk(30)))
        .containsExactly(21, 8, 2, 0);
  }

  /*
   * Placebo, nobody censored: S = 19/21 = 0.9048 (t 1), 17/21 = 0.8095 (2), 16/21 = 0.7619 (3),
   * 14/21 = 0.6667 (4), 12/21 = 0.5714 (5), 8/21 = 0.3810 (8), 6/21 = 0.2857 (11),
   * 4/21 = 0.1905 (12), 3/21 = 0.1429 (15), 2/21 = 0.0952 (17), 1/21 = 0.0476 (22), 0 (23).
   */
  @Test
  void withoutCensoringTheEstimateIsTheEmpiricalSurvivor() {
    KaplanMeierCurve curve = KaplanMeier.estimate(RemissionData.placebo());
    int[] left = {19, 17, 16, 14, 12, 8, 6, 4, 3, 2, 1, 0};
    List<KaplanMeierCurve.Step> drops = curve.eventSteps();
    assertThat(drops).hasSize(left.length);
    for (int i = 0; i < left.length; i++) {
      assertThat(drops.get(i).survival()).isCloseTo(left[i] / 21.0, within(1e-12));
    }
  }

  /*
   * Median: the first time with S(t) ≤ 0.5. 6-MP: S(22) = 0.5378 > 0.5, S(23) = 0.4482 → 23 weeks;
   * placebo: S(5) = 0.5714, S(8) = 0.3810 → 8 weeks (both as in Kleinbaum and Klein).
   */
  @Test
  void medianSurvivalTimes() {
    assertThat(KaplanMeier.estimate(RemissionData.sixMp()).median()).hasValue(23.0);
    assertThat(KaplanMeier.estimate(RemissionData.placebo()).median()).hasValue(8.0);
    assertThat(
            KaplanMeier.estimate(
                    List.of(
                        SurvivalTime.event(1), SurvivalTime.censored(5), SurvivalTime.censored(6)))
                .median())
        .as("S never reaches 0.5: not reached")
        .isEmpty();
  }

  /*
   * Greenwood and the 95% interval on the log scale, S·exp(±1.96·√Σ d/(n(n−d))), 6-MP group:
   *   Σ after 6: 3/(21·18) = 0.0079365;  after 7: + 1/(17·16) = 0.0116130;
   *   after 10: + 1/(15·14) = 0.0163749;  after 13: + 1/(12·11) = 0.0239507;
   *   after 16: + 1/(11·10) = 0.0330416;  after 22: + 1/(7·6) = 0.0568511;
   *   after 23: + 1/(6·5) = 0.0901844.
   *   SE(6) = 0.8571·√0.0079365 = 0.0764;  SE(23) = 0.4482·√0.0901844 = 0.1346.
   *   Upper limit ≤ 0.5 first at t = 16: 0.6275·exp(1.96·√0.0330416) = 0.6275·1.4280 = 0.8960 > 0.5
   *   … at 23: 0.4482·exp(1.96·0.30031) = 0.4482·1.8015 = 0.8074 > 0.5: never, so the upper limit of
   *   the median's interval is not reached; lower limit ≤ 0.5 first at 16:
   *   0.6275/1.4280 = 0.4394 (at 13: 0.6902/exp(1.96·√0.0239507) = 0.6902/1.3544 = 0.5096 > 0.5).
   *   So the median's 95% interval (Brookmeyer-Crowley) is 16 to not reached.
   *   Placebo: Σ after 4: 2/(21·19) + 2/(19·17) + 1/(17·16) + 2/(16·14) = 0.0237913, lower limit
   *   0.6667/exp(1.96·0.15424) = 0.6667/1.3530 = 0.4927 ≤ 0.5 (at 3: 0.7619/1.2700 = 0.5999);
   *   upper limit at 12: Σ = 0.2024, 0.1905·exp(1.96·0.4499) = 0.1905·2.4151 = 0.4600 ≤ 0.5
   *   (at 11: Σ = 0.1190, 0.2857·1.9665 = 0.5619 > 0.5). So 4 to 12 weeks.
   */
  @Test
  void greenwoodErrorsAndTheIntervalOfTheMedian() {
    KaplanMeierCurve sixMp = KaplanMeier.estimate(RemissionData.sixMp());
    List<KaplanMeierCurve.Step> drops = sixMp.eventSteps();
    assertThat(drops.get(0).standardError()).isCloseTo(0.0764, within(PRINTED));
    assertThat(drops.get(6).standardError()).isCloseTo(0.1346, within(PRINTED));
    assertThat(drops.get(4).lower()).isCloseTo(0.4394, within(PRINTED));
    assertThat(drops.get(4).upper()).isCloseTo(0.8960, within(PRINTED));
    assertThat(drops.get(0).upper()).as("cut at 1").isEqualTo(1.0);
    KaplanMeierCurve.MedianInterval interval = sixMp.medianInterval();
    assertThat(interval.lower()).hasValue(16.0);
    assertThat(interval.upper()).as("not reached").isEmpty();

    KaplanMeierCurve.MedianInterval placebo =
        KaplanMeier.estimate(RemissionData.placebo()).medianInterval();
    assertThat(placebo.lower()).hasValue(4.0);
    assertThat(placebo.upper()).hasValue(12.0);
  }

  @Test
  void countedDataGiveTheSameCurveAsOneRowPerSubject() {
    KaplanMeierCurve counted =
        KaplanMeier.estimate(
            List.of(
                new SurvivalTime(6, 3, 1),
                new SurvivalTime(7, 1, 0),
                new SurvivalTime(9, 0, 1),
                new SurvivalTime(10, 1, 1),
                new SurvivalTime(11, 0, 1),
                new SurvivalTime(13, 1, 0),
                new SurvivalTime(16, 1, 0),
                new SurvivalTime(17, 0, 1),
                new SurvivalTime(19, 0, 1),
                new SurvivalTime(20, 0, 1),
                new SurvivalTime(22, 1, 0),
                new SurvivalTime(23, 1, 0),
                new SurvivalTime(25, 0, 1),
                new SurvivalTime(32, 0, 2),
                new SurvivalTime(34, 0, 1),
                new SurvivalTime(35, 0, 1)));
    assertThat(counted).isEqualTo(KaplanMeier.estimate(RemissionData.sixMp()));
  }

  @Test
  void noSubjectsNoSteps() {
    KaplanMeierCurve empty = KaplanMeier.estimate(List.of());
    assertThat(empty.steps()).isEmpty();
    assertThat(empty.median()).isEmpty();
    assertThat(empty.atRisk(0)).isZero();
    assertThat(empty.survivalAt(10)).isEqualTo(1.0);
  }
}
