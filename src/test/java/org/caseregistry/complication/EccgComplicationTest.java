package org.caseregistry.complication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EccgComplicationTest {

  @Test
  void exactlyLeakNecrosisChyleLeakAndNerveInjuryCarryASeverityType() {
    assertThat(Stream.of(EccgComplication.values()).filter(EccgComplication::hasSeverityType))
        .containsExactly(
            EccgComplication.ANASTOMOTIC_LEAK, EccgComplication.CONDUIT_NECROSIS,
            EccgComplication.RECURRENT_LARYNGEAL_NERVE_INJURY, EccgComplication.CHYLE_LEAK);
  }

  @Test
  void categoriesFollowTheEccg() {
    assertThat(EccgComplication.DELAYED_CONDUIT_EMPTYING.category())
        .isEqualTo(EccgCategory.GASTROINTESTINAL);
    assertThat(EccgComplication.ANASTOMOTIC_LEAK.category())
        .isEqualTo(EccgCategory.GASTROINTESTINAL);
    assertThat(EccgComplication.CONDUIT_NECROSIS.category())
        .isEqualTo(EccgCategory.GASTROINTESTINAL);
    assertThat(EccgComplication.RECURRENT_LARYNGEAL_NERVE_INJURY.category())
        .isEqualTo(EccgCategory.NEUROLOGIC_PSYCHIATRIC);
    assertThat(EccgComplication.CHYLE_LEAK.category()).isEqualTo(EccgCategory.OTHER);
    assertThat(EccgComplication.PNEUMONIA.category()).isEqualTo(EccgCategory.PULMONARY);
    assertThat(EccgComplication.STROKE.category()).isEqualTo(EccgCategory.THROMBOEMBOLIC);
    assertThat(EccgComplication.DIAPHRAGMATIC_HERNIA.category())
        .isEqualTo(EccgCategory.WOUND_DIAPHRAGM);
  }

  @ParameterizedTest
  @EnumSource(EccgCategory.class)
  void everyCategoryHasItems(EccgCategory category) {
    assertThat(EccgComplication.inCategory(category))
        .isNotEmpty()
        .allSatisfy(complication -> assertThat(complication.category()).isEqualTo(category));
  }

  @Test
  void severityDefinitionsDependOnTheComplication() {
    assertThat(EccgComplication.ANASTOMOTIC_LEAK.severityDefinitionKey(EccgSeverityType.TYPE_II))
        .isEqualTo("complication.eccg.item.anastomotic-leak.type-ii");
    assertThat(EccgComplication.CHYLE_LEAK.severityDefinitionKey(EccgSeverityType.TYPE_III))
        .isEqualTo("complication.eccg.item.chyle-leak.type-iii");
    assertThatThrownBy(
            () -> EccgComplication.PNEUMONIA.severityDefinitionKey(EccgSeverityType.TYPE_I))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codesAreReadableWords() {
    assertThat(EccgComplication.DELAYED_CONDUIT_EMPTYING.code())
        .isEqualTo("delayed-conduit-emptying");
    assertThat(EccgCategory.NEUROLOGIC_PSYCHIATRIC.code()).isEqualTo("neurologic-psychiatric");
    assertThat(EccgSeverityType.TYPE_III.code()).isEqualTo("III");
    assertThat(EccgSeverityType.fromCode("type II")).isEqualTo(EccgSeverityType.TYPE_II);
    assertThat(EccgComplication.fromCode("Delayed conduit emptying"))
        .isEqualTo(EccgComplication.DELAYED_CONDUIT_EMPTYING);
  }
}
