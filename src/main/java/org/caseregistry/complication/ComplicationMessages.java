package org.caseregistry.complication;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The message bundle of this package: {@code i18n/complication.properties} (English) and {@code
 * i18n/complication_vi.properties} (Vietnamese), UTF-8, with a text for every key in {@link
 * #messageKeys()}.
 */
public final class ComplicationMessages {

  /** Base name for a Spring {@code MessageSource} ({@code spring.messages.basename}). */
  public static final String BUNDLE_BASENAME = "i18n/complication";

  /** The Clavien-Dindo suffix "d": still present at discharge. */
  public static final String CLAVIEN_DINDO_SUFFIX_D_KEY = "complication.clavien-dindo.suffix-d";

  /** "Comprehensive Complication Index". */
  public static final String CCI_KEY = "complication.cci";

  private ComplicationMessages() {}

  /** Every key the enums of this package refer to. */
  public static List<String> messageKeys() {
    List<String> keys = new ArrayList<>(List.of(CLAVIEN_DINDO_SUFFIX_D_KEY, CCI_KEY));
    Stream.of(ClavienDindoGrade.values()).map(ClavienDindoGrade::messageKey).forEach(keys::add);
    Stream.of(EccgCategory.values()).map(EccgCategory::messageKey).forEach(keys::add);
    Stream.of(EccgSeverityType.values()).map(EccgSeverityType::messageKey).forEach(keys::add);
    for (EccgComplication complication : EccgComplication.values()) {
      keys.add(complication.messageKey());
      if (complication.hasSeverityType()) {
        Stream.of(EccgSeverityType.values())
            .map(complication::severityDefinitionKey)
            .forEach(keys::add);
      }
    }
    return List.copyOf(keys);
  }
}
