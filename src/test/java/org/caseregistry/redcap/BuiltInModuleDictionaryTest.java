package org.caseregistry.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The esophagectomy demo form (every built-in module) as a REDCap dictionary and back. */
class BuiltInModuleDictionaryTest {

  private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasenames(
        "i18n/messages", "i18n/cases", "i18n/staging", "i18n/complication", "i18n/importing");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
  }

  private final DictionaryWriter writer =
      new DictionaryWriter(key -> MESSAGES.getMessage(key, null, null, Locale.ENGLISH));
  private final DictionaryReader reader = new DictionaryReader();

  @Test
  void theDemoFormDownloadsAsADictionaryThatUploadsAsTheSameForm() {
    FormDefinition demo = FormTemplate.ESOPHAGECTOMY.definition();

    byte[] downloaded = writer.write(demo);
    DictionaryReading reading = reader.read(downloaded);

    assertThat(reading.problems()).isEmpty();
    assertThat(reading.form()).isEqualTo(demo);
    assertThat(reading.form().modules())
        .containsExactlyElementsOf(FormTemplate.ESOPHAGECTOMY_MODULES);
    assertThat(writer.write(reading.form())).isEqualTo(downloaded);
    assertThat(reading.rowCount())
        .isEqualTo(
            FormTemplate.ESOPHAGECTOMY_MODULES.stream()
                    .mapToInt(m -> CaseVariables.of(m).size())
                    .sum()
                + 1);
  }

  @Test
  void builtInVariablesAreWrittenAsREDCapFieldsWithCodesLimitsAndIdentifiers() {
    String csv =
        new String(
            writer.write(new FormDefinition(List.of(Section.PATIENT), List.of())),
            StandardCharsets.UTF_8);

    assertThat(csv)
        .startsWith(
            "Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"
                + "\"Choices, Calculations, OR Slider Labels\",Field Note,")
        .contains("\nrecord_id,patient,,text,Record ID,,,,,,,,,,,,,\n")
        .contains("\nsex,patient,,dropdown,Sex,\"MALE, Male | FEMALE, Female")
        .contains("\nage_years,patient,,text,Age at surgery (years),,")
        .contains(",integer,0,120,,")
        .contains("\nhospital_record_number,patient,,text,")
        .containsPattern("\nhospital_record_number,patient,,text,[^\n]*,y,,,,,,,\n")
        .containsPattern("\nweight_kg,patient,,text,[^\n]*,number,10,300,,");
  }
}
