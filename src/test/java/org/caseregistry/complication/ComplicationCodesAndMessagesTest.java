package org.caseregistry.complication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComplicationCodesAndMessagesTest {

  private static final String ENGLISH = "/" + ComplicationMessages.BUNDLE_BASENAME + ".properties";
  private static final String VIETNAMESE =
      "/" + ComplicationMessages.BUNDLE_BASENAME + "_vi.properties";

  static Stream<Arguments> everyConstant() {
    return Stream.of(
            constants(
                ClavienDindoGrade.values(), ClavienDindoGrade::code, ClavienDindoGrade::fromCode),
            constants(EccgCategory.values(), EccgCategory::code, EccgCategory::fromCode),
            constants(
                EccgComplication.values(), EccgComplication::code, EccgComplication::fromCode),
            constants(
                EccgSeverityType.values(), EccgSeverityType::code, EccgSeverityType::fromCode))
        .flatMap(Function.identity());
  }

  @ParameterizedTest(name = "{0} ↔ \"{1}\"")
  @MethodSource("everyConstant")
  void everyCodeReadsBackAsItsConstantWhateverTheCase(
      Enum<?> constant, String code, Function<String, Enum<?>> fromCode) {
    assertThat(fromCode.apply(code)).isSameAs(constant);
    assertThat(fromCode.apply(code.toUpperCase(Locale.ROOT))).isSameAs(constant);
    assertThat(fromCode.apply(" " + code.toLowerCase(Locale.ROOT) + " ")).isSameAs(constant);
    assertThat(fromCode.apply(constant.name())).isSameAs(constant);
  }

  @Test
  void bothBundlesHoldExactlyTheKeysThePackageUses() throws IOException {
    Set<String> keys = new HashSet<>(ComplicationMessages.messageKeys());
    assertThat(keys).hasSameSizeAs(ComplicationMessages.messageKeys());
    assertThat(load(ENGLISH).stringPropertyNames()).isEqualTo(keys);
    assertThat(load(VIETNAMESE).stringPropertyNames()).isEqualTo(keys);
    for (String key : keys) {
      assertThat(load(ENGLISH).getProperty(key)).as(key).isNotBlank();
      assertThat(load(VIETNAMESE).getProperty(key)).as(key).isNotBlank();
    }
  }

  @Test
  void vietnameseUsesTheSurgicalTerms() throws IOException {
    Properties vietnamese = load(VIETNAMESE);
    assertThat(vietnamese.getProperty(EccgComplication.DELAYED_CONDUIT_EMPTYING.messageKey()))
        .startsWith("Ứ đọng dạ dày");
    assertThat(vietnamese.getProperty(EccgComplication.ANASTOMOTIC_LEAK.messageKey()))
        .isEqualTo("Rò miệng nối");
    assertThat(vietnamese.getProperty(EccgComplication.PNEUMONIA.messageKey()))
        .isEqualTo("Viêm phổi");
    assertThat(vietnamese.getProperty(EccgComplication.CHYLE_LEAK.messageKey()))
        .isEqualTo("Rò dưỡng chấp");
    assertThat(
            vietnamese.getProperty(EccgComplication.RECURRENT_LARYNGEAL_NERVE_INJURY.messageKey()))
        .isEqualTo("Tổn thương thần kinh quặt ngược");
    assertThat(vietnamese.getProperty(EccgComplication.CONDUIT_NECROSIS.messageKey()))
        .isEqualTo("Hoại tử ống dạ dày");
  }

  private static Properties load(String resource) throws IOException {
    try (InputStream stream =
        ComplicationCodesAndMessagesTest.class.getResourceAsStream(resource)) {
      assertThat(stream).as(resource).isNotNull();
      Properties properties = new Properties();
      properties.load(new StringReader(strictUtf8(stream.readAllBytes(), resource)));
      return properties;
    }
  }

  private static String strictUtf8(byte[] bytes, String resource) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError(resource + " is not UTF-8", e);
    }
  }

  private static <E extends Enum<E>> Stream<Arguments> constants(
      E[] values, Function<E, String> code, Function<String, E> fromCode) {
    Function<String, Enum<?>> reader = fromCode::apply;
    return Stream.of(values).map(constant -> Arguments.of(constant, code.apply(constant), reader));
  }
}
