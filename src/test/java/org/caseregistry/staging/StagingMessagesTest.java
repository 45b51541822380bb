package org.caseregistry.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StagingMessagesTest {

  private static final String ENGLISH = "/" + StagingMessages.BUNDLE_BASENAME + ".properties";
  private static final String VIETNAMESE = "/" + StagingMessages.BUNDLE_BASENAME + "_vi.properties";

  @Test
  void bothBundlesHoldExactlyTheKeysThePackageUses() throws IOException {
    Set<String> keys = new HashSet<>(StagingMessages.messageKeys());
    assertThat(keys).hasSameSizeAs(StagingMessages.messageKeys());
    assertThat(load(ENGLISH).stringPropertyNames()).isEqualTo(keys);
    assertThat(load(VIETNAMESE).stringPropertyNames()).isEqualTo(keys);
  }

  @Test
  void everyTextIsAValidMessageWithTheSameArgumentsInBothLanguages() throws IOException {
    Properties english = load(ENGLISH);
    Properties vietnamese = load(VIETNAMESE);
    for (String key : StagingMessages.messageKeys()) {
      assertThat(english.getProperty(key)).as(key).isNotBlank();
      assertThat(vietnamese.getProperty(key)).as(key).isNotBlank();
      assertThat(new MessageFormat(vietnamese.getProperty(key)).getFormatsByArgumentIndex())
          .as(key)
          .hasSameSizeAs(new MessageFormat(english.getProperty(key)).getFormatsByArgumentIndex());
    }
  }

  @Test
  void vietnameseTextsAreTranslated() throws IOException {
    Properties vietnamese = load(VIETNAMESE);
    assertThat(vietnamese.getProperty("staging.reason.t-unknown"))
        .isEqualTo("Không xác định được giai đoạn: chưa rõ T (TX).");
    assertThat(vietnamese.getProperty("staging.location.lower-third")).isEqualTo("1/3 dưới");
  }

  private static Properties load(String resource) throws IOException {
    try (InputStream stream = StagingMessagesTest.class.getResourceAsStream(resource)) {
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
}
