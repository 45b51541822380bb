package org.caseregistry.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

  /*
   * 1 of 10: p = 0.1, z² = 3.8415, centre = (0.1 + 0.19207) / 1.38415 = 0.21103,
   * half = 1.96 · √(0.009 + 0.0096037) / 1.38415 = 1.96 · 0.136395 / 1.38415 = 0.19314
   * → 0.0179 to 0.4042 (Newcombe 1998, table I, method 3).
   * 0 of 6: centre = half = (3.8415 / 12) / 1.64025 = 0.19517 → 0 to 0.3903.
   */
  @Test
  void knownIntervals() {
    WilsonInterval oneOfTen = WilsonInterval.of(1, 10);
    assertThat(oneOfTen.lower()).isCloseTo(0.0179, within(0.00005));
    assertThat(oneOfTen.upper()).isCloseTo(0.4042, within(0.00005));
    WilsonInterval noneOfSix = WilsonInterval.of(0, 6);
    assertThat(noneOfSix.lower()).isCloseTo(0.0, within(1e-12));
    assertThat(noneOfSix.upper()).isCloseTo(0.3903, within(0.00005));
    assertThat(WilsonInterval.of(6, 6).upper()).isEqualTo(1.0);
  }

  @Test
  void numbersFollowTheLanguage() {
    Numbers english = new Numbers(Locale.ENGLISH);
    Numbers vietnamese = new Numbers(Locale.forLanguageTag("vi"));
    assertThat(english.decimal(57.5, 1)).isEqualTo("57.5");
    assertThat(vietnamese.decimal(57.5, 1)).isEqualTo("57,5");
    assertThat(vietnamese.percent(5, 6)).isEqualTo("83,3%");
    assertThat(english.compact(3.0, 1)).isEqualTo("3");
    assertThat(english.integer(100000)).isEqualTo("100000");
    assertThat(english.pValue(4.17e-5)).isEqualTo("< 0.0001");
    assertThat(vietnamese.pValue(0.03123)).isEqualTo("= 0,0312");
  }
}
