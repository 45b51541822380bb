package org.caseregistry.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEdits;
import org.caseregistry.form.SectionDefinition;
import org.junit.jupiter.api.Test;

class DictionaryOrderTest {

  private final DictionaryReader reader = new DictionaryReader();
  private final DictionaryWriter writer = new DictionaryWriter(key -> "label of " + key);

  @Test
  void aCustomSectionBetweenModulesIsWrittenThereAndReadBackThere() {
    SectionDefinition ecmo =
        new SectionDefinition(
            "ecmo",
            "Ecmo",
            null,
            false,
            false,
            List.of(FieldDefinition.of("ecmo_days", FieldType.INTEGER, "ECMO days", null)));
    FormDefinition form =
        FormEdits.moveSection(
            new FormDefinition(List.of(Section.PATIENT, Section.OPERATION), List.of(ecmo)),
            "ecmo",
            -1);
    assertThat(form.orderedKeys()).containsExactly("patient", "ecmo", "operation");

    byte[] downloaded = writer.write(form);
    String text = new String(downloaded, StandardCharsets.UTF_8);
    assertThat(text.indexOf(",ecmo,"))
        .isBetween(text.indexOf(",patient,"), text.indexOf(",operation,"));
    DictionaryReading reading = reader.read(downloaded);

    assertThat(reading.problems()).isEmpty();
    assertThat(reading.form().orderedKeys()).containsExactly("patient", "ecmo", "operation");
    assertThat(writer.write(reading.form())).isEqualTo(downloaded);
  }
}
