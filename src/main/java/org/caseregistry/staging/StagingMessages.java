package org.caseregistry.staging;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The message bundle of this package: {@code i18n/staging.properties} (English) and {@code
 * i18n/staging_vi.properties} (Vietnamese), UTF-8, with a text for every key in {@link
 * #messageKeys()}.
 */
public final class StagingMessages {

  /** Base name for a Spring {@code MessageSource} ({@code spring.messages.basename}). */
  public static final String BUNDLE_BASENAME = "i18n/staging";

  /** "Stage {0}", with the {@link StageGroup#label()} as argument. */
  public static final String STAGE_GROUP_KEY = "staging.stage-group";

  private StagingMessages() {}

  /** Every key the enums and results of this package refer to. */
  public static List<String> messageKeys() {
    List<String> keys = new ArrayList<>();
    keys.add(STAGE_GROUP_KEY);
    keys.addAll(keysOf(Histology.values(), Histology::messageKey));
    keys.addAll(keysOf(GastricHistology.values(), GastricHistology::messageKey));
    keys.addAll(keysOf(StagingNote.values(), StagingNote::messageKey));
    keys.addAll(keysOf(Grade.values(), Grade::messageKey));
    keys.addAll(keysOf(TumourLocation.values(), TumourLocation::messageKey));
    keys.addAll(keysOf(StagePrefix.values(), StagePrefix::messageKey));
    keys.addAll(keysOf(StagingReason.values(), StagingReason::messageKey));
    keys.addAll(keysOf(StagingWarningCode.values(), StagingWarningCode::messageKey));
    return List.copyOf(keys);
  }

  /** The English text of a key with its arguments filled in; for logs and tests. */
  static String english(String key, Object... arguments) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE_BASENAME.replace('/', '.'),
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), Locale.ENGLISH).format(arguments);
  }

  private static <E> List<String> keysOf(E[] constants, Function<E, String> key) {
    return Stream.of(constants).map(key).toList();
  }
}
