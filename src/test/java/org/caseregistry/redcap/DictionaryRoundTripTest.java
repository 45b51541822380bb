package org.caseregistry.redcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.form.SectionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DictionaryRoundTripTest {

  private final DictionaryReader reader = new DictionaryReader();
  private final DictionaryWriter writer = new DictionaryWriter(key -> "label of " + key);

  @Test
  void aDictionaryOfSupportedRowsDownloadsByteForByteAsItWasUploaded() throws IOException {
    byte[] uploaded = DictionaryReaderTest.resource("ecmo-dictionary-as-taken.csv");

    DictionaryReading reading = reader.read(uploaded);

    assertThat(reading.problems()).extracting(DictionaryProblem::field).containsExactly("phone");
    assertThat(new String(writer.write(reading.form()), StandardCharsets.UTF_8))
        .isEqualTo(new String(uploaded, StandardCharsets.UTF_8));
  }

  @Test
  void aDictionaryWithRowsNotTakenDownloadsAsWhatWasTaken() throws IOException {
    DictionaryReading reading = reader.read(DictionaryReaderTest.resource("ecmo-dictionary.csv"));

    assertThat(new String(writer.write(reading.form()), StandardCharsets.UTF_8))
        .isEqualTo(
            new String(
                DictionaryReaderTest.resource("ecmo-dictionary-as-taken.csv"),
                StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(FormTemplate.class)
  void everyTemplateFormComesBackTheSameFromItsDictionary(FormTemplate template) {
    FormDefinition form = template.definition();

    byte[] downloaded = writer.write(form);
    DictionaryReading reading = reader.read(downloaded);

    assertThat(reading.problems()).isEmpty();
    assertThat(reading.form()).isEqualTo(form);
    assertThat(writer.write(reading.form())).isEqualTo(downloaded);
  }

  @Test
  void whatREDCapCannotSayComesBackThroughTheAnnotation() {
    FieldDefinition retiredCodes =
        FieldDefinition.of("route", FieldType.MULTIPLE_CHOICE, "Route", "Đường dùng").toBuilder()
            .choices(
                List.of(
                    new Choice("1", "Oral", "Uống", false),
                    new Choice("2", "Intravenous, bolus", "Tiêm tĩnh mạch", true)))
            .hint("Tick all", "Chọn tất cả")
            .notApplicableAllowed(true)
            .unknownAllowed(true)
            .required(true)
            .identifier(true)
            .build();
    FieldDefinition retired =
        FieldDefinition.of("old_note", FieldType.LONG_TEXT, "Old note", "Ghi chú cũ").toBuilder()
            .maxLength(1200)
            .retired(true)
            .build();
    FieldDefinition header =
        FieldDefinition.of("doses_header", FieldType.DESCRIPTIVE, "Doses", "Liều").toBuilder()
            .validation(DictionaryWriter.SECTION_HEADER_MARK)
            .build();
    FieldDefinition dose =
        FieldDefinition.of("dose_mg", FieldType.DECIMAL, "Dose", "Liều").toBuilder()
            .unit("mg")
            .limits("0", "5000")
            .usual("10", "100.5")
            .build();
    FormDefinition form =
        new FormDefinition(
            List.of(Section.PATIENT, Section.FOLLOWUP),
            List.of(
                new SectionDefinition(
                    "drugs",
                    "Drugs given",
                    "Thuốc đã dùng",
                    true,
                    false,
                    List.of(retiredCodes, retired, header, dose)),
                new SectionDefinition(
                    "old_part",
                    "Old part",
                    "Phần cũ",
                    false,
                    true,
                    List.of(FieldDefinition.of("x_old", FieldType.TEXT, "X", null)))));

    byte[] downloaded = writer.write(form);
    DictionaryReading reading = reader.read(downloaded);

    assertThat(reading.problems()).isEmpty();
    assertThat(reading.form()).isEqualTo(form);
    assertThat(writer.write(reading.form())).isEqualTo(downloaded);
  }
}
