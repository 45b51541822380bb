package org.caseregistry.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.redcap.RecordExportConverter.SiteChoice;
import org.junit.jupiter.api.Test;

class RecordExportConverterTest {

  private final RecordExportConverter converter = new RecordExportConverter("|");

  private static FormDefinition ecmoForm() throws IOException {
    return new DictionaryReader().read(DictionaryReaderTest.resource("ecmo-dictionary.csv")).form();
  }

  private static List<String> lines(RecordExportConversion conversion) {
    return List.of(new String(conversion.casesCsv(), StandardCharsets.UTF_8).split("\n"));
  }

  @Test
  void recordsBecomeTheImportFileWithCheckBoxesGatheredAndDatesInIsoForm() throws IOException {
    RecordExportConversion conversion =
        converter.convert(
            DictionaryReaderTest.resource("ecmo-records.csv"),
            ecmoForm(),
            SiteChoice.forWholeFile("E"),
            false);

    assertThat(conversion.problems()).isEmpty();
    List<String> lines = lines(conversion);
    assertThat(lines.get(0))
        .isEqualTo(
            "study_code,site_code,patient_initials,dob,age,gender,weight,height,contact_email,"
                + "phone,consent_form,admission_date,admission_time,allergen,allergen_other,"
                + "cardiac_arrest,arrest_duration_min,vasopressors,vasopressin_dose,lactate,"
                + "skin_symptoms,ecmo_start,ecmo_end,weaned,survival_discharge,course_notes");
    assertThat(lines.get(1))
        .startsWith("E01,E,NVA,1961-04-02,62,1,64.5,165,,,,2023-05-03,14:20,3,,1,25,1|2,,6.2,1,");
    assertThat(lines.get(3))
        .isEqualTo(
            "E02,E,TTB,1978-11-30,45,2,,,b@example.org,0912345678,,2023-08-17,,99,Bee sting,0,,"
                + "1|3,0.04,,0,2023-08-17,,0,0,");
    assertThat(lines.get(4)).contains(",2023-12-31,09:05,7,,1,,,,,,2023-12-31,2024-01-02,");
    assertThat(conversion.notes())
        .extracting(RecordExportConversion.Note::column, RecordExportConversion.Note::messageKey)
        .containsExactly(
            tuple("redcap_data_access_group", "redcap.records.note.bookkeeping"),
            tuple("body_mass_index", "redcap.records.note.calculated"),
            tuple("demographics_complete", "redcap.records.note.form-status"),
            tuple("shock_event_complete", "redcap.records.note.form-status"),
            tuple("ecmo_days", "redcap.records.note.calculated"),
            tuple("ecmo_complete", "redcap.records.note.form-status"));
  }

  @Test
  void theSiteComesFromANamedColumnAndUnknownColumnsCanBeLeftOutWithANote() throws IOException {
    RecordExportConversion conversion =
        converter.convert(
            DictionaryReaderTest.resource("ecmo-records.csv"),
            ecmoForm(),
            SiteChoice.fromColumn("redcap_data_access_group"),
            true);

    List<String> lines = lines(conversion);
    assertThat(lines.get(0)).doesNotContain("consent_form").doesNotContain("access_group");
    assertThat(lines.get(1)).startsWith("E01,site_e,NVA,");
    assertThat(conversion.notes())
        .extracting(RecordExportConversion.Note::column)
        .contains("consent_form");
  }

  @Test
  void aMissingSiteColumnOrEventsOrOddCheckBoxValuesAreRefused() throws IOException {
    FormDefinition form = ecmoForm();
    byte[] file = DictionaryReaderTest.resource("ecmo-records.csv");

    assertThat(converter.convert(file, form, SiteChoice.fromColumn("hospital"), false).problems())
        .extracting(RecordExportConversion.Problem::messageKey)
        .containsExactly("redcap.records.site-column-missing");

    byte[] events =
        ("record_id,redcap_event_name,age,vasopressors___1\n" + "E01,baseline_arm_1,60,yes\n")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(converter.convert(events, form, SiteChoice.forWholeFile("E"), false).problems())
        .extracting(
            RecordExportConversion.Problem::row,
            RecordExportConversion.Problem::column,
            RecordExportConversion.Problem::messageKey)
        .containsExactly(
            tuple(null, "redcap_event_name", "redcap.records.structure"),
            tuple(2, "vasopressors___1", "redcap.records.checkbox-value"));
  }
}
