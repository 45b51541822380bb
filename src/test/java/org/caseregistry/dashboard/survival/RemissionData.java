package org.caseregistry.dashboard.survival;

import java.util.List;

/**
 * Freireich et al. (1963), remission times in weeks of 42 leukaemia patients, as printed in
 * Kleinbaum and Klein, "Survival Analysis: A Self-Learning Text", chapter 2: 21 on 6-mercaptopurine
 * (6-MP) and 21 on placebo; + marks a censored time.
 */
final class RemissionData {

  private RemissionData() {}

  /** 6, 6, 6, 6+, 7, 9+, 10, 10+, 11+, 13, 16, 17+, 19+, 20+, 22, 23, 25+, 32+, 32+, 34+, 35+. */
  static List<SurvivalTime> sixMp() {
    return List.of(
        SurvivalTime.event(6),
        SurvivalTime.event(6),
        SurvivalTime.event(6),
        SurvivalTime.censored(6),
        SurvivalTime.event(7),
        SurvivalTime.censored(9),
        SurvivalTime.event(10),
        SurvivalTime.censored(10),
        SurvivalTime.censored(11),
        SurvivalTime.event(13),
        SurvivalTime.event(16),
        SurvivalTime.censored(17),
        SurvivalTime.censored(19),
        SurvivalTime.censored(20),
        SurvivalTime.event(22),
        SurvivalTime.event(23),
        SurvivalTime.censored(25),
        SurvivalTime.censored(32),
        SurvivalTime.censored(32),
        SurvivalTime.censored(34),
        SurvivalTime.censored(35));
  }

  /** 1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23: nobody censored. */
  static List<SurvivalTime> placebo() {
    return java.util.stream.IntStream.of(
            1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23)
        .mapToObj(SurvivalTime::event)
        .toList();
  }
}
