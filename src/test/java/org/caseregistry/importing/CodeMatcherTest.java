package org.caseregistry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.junit.jupiter.api.Test;

/** Codes, labels in both languages, notations and reasons: tolerant, but never ambiguous. */
class CodeMatcherTest {

  private static final CodeMatcher BUNDLES = new CodeMatcher(bundles());

  /** The application's bundles, English and Vietnamese, as the running app has them. */
  static java.util.function.BiFunction<String, Locale, String> bundles() {
    Properties english = new Properties();
    Properties vietnamese = new Properties();
    for (String basename :
        new String[] {"messages", "cases", "staging", "complication", "importing"}) {
      load(english, "src/main/resources/i18n/" + basename + ".properties");
      load(vietnamese, "src/main/resources/i18n/" + basename + "_vi.properties");
    }
    return (key, locale) ->
        "vi".equals(locale.getLanguage())
            ? vietnamese.getProperty(key, english.getProperty(key))
            : english.getProperty(key);
  }

  private static void load(Properties properties, String file) {
    try (var reader =
        new InputStreamReader(Files.newInputStream(Path.of(file)), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String code(String variable, String cell) {
    CodeMatcher.Match match = BUNDLES.match(CaseVariables.get(variable), cell);
    return match.code();
  }

  @Test
  void codesLabelsAndNotationsInEitherLanguageAnyCaseWithOrWithoutDiacritics() {
    assertThat(code("sex", "MALE")).isEqualTo("MALE");
    assertThat(code("sex", "male")).isEqualTo("MALE");
    assertThat(code("sex", "Nữ")).isEqualTo("FEMALE");
    assertThat(code("sex", "nu")).isEqualTo("FEMALE");
    assertThat(code("tumour_location", "1/3 DƯỚI")).isEqualTo("LOWER_THIRD");
    assertThat(code("tumour_location", "lower third")).isEqualTo("LOWER_THIRD");
    assertThat(code("tumour_location", "lower_third")).isEqualTo("LOWER_THIRD");
    assertThat(code("stomach_condition", "Đã mở thông dạ dày")).isEqualTo("PREVIOUS_GASTROSTOMY");
    assertThat(code("stomach_condition", "da mo thong da day")).isEqualTo("PREVIOUS_GASTROSTOMY");
    assertThat(code("lymphadenectomy", "thoraco-abdominal (2-field)")).isEqualTo("TWO_FIELD");
    assertThat(code("ct", "T1a")).isEqualTo("T1A");
    assertThat(code("ct", "t1b")).isEqualTo("T1B");
    assertThat(code("clavien_dindo", "IIIb")).isEqualTo("IIIB");
    assertThat(code("path_prefix", "yp")).isEqualTo("YP");
    assertThat(code("thoracic_approach", "Nội soi")).isEqualTo("THORACOSCOPIC");
    assertThat(code("anastomosis_site", "  Cổ ")).isEqualTo("CERVICAL");
  }

  @Test
  void reasonsForMissingValuesWhereTheVariableTakesThem() {
    assertThat(BUNDLES.match(CaseVariables.get("clavien_dindo"), "unknown").missing())
        .isEqualTo(MissingReason.UNKNOWN);
    assertThat(BUNDLES.match(CaseVariables.get("eccg_severity"), "không áp dụng").missing())
        .isEqualTo(MissingReason.NOT_APPLICABLE);
    assertThat(BUNDLES.match(CaseVariables.get("clavien_dindo"), "NOT_APPLICABLE").isNoMatch())
        .isTrue();
    assertThat(code("sex", "không rõ")).isEqualTo("UNKNOWN");
  }

  @Test
  void anythingElseIsNoMatch() {
    assertThat(BUNDLES.match(CaseVariables.get("sex"), "M").isNoMatch()).isTrue();
    assertThat(BUNDLES.match(CaseVariables.get("ct"), "T5").isNoMatch()).isTrue();
  }

  @Test
  void theBundlesHaveNoAmbiguousLabel() {
    for (var variable : CaseVariables.all()) {
      for (var option : variable.options()) {
        for (String label :
            new String[] {
              bundles().apply(option.labelKey(), Locale.ENGLISH),
              bundles().apply(option.labelKey(), CodeMatcher.VIETNAMESE)
            }) {
          if (label != null) {
            assertThat(BUNDLES.match(variable, label).code())
                .as("%s: %s", variable.name(), label)
                .isEqualTo(option.code());
          }
        }
      }
    }
  }

  @Test
  void aTextThatFitsSeveralCodesIsAmbiguousAndNamesThem() {
    Map<String, String> labels =
        Map.of(
            "code.Conduit.GASTRIC_TUBE", "Ống dạ dày", "code.Conduit.WHOLE_STOMACH", "ong da day");
    CodeMatcher matcher = new CodeMatcher((key, locale) -> labels.get(key));
    CodeMatcher.Match match = matcher.match(CaseVariables.get("conduit"), "ỐNG DẠ DÀY");
    assertThat(match.isAmbiguous()).isTrue();
    assertThat(match.code()).isNull();
    assertThat(match.candidates()).containsExactlyInAnyOrder("GASTRIC_TUBE", "WHOLE_STOMACH");
  }
}
