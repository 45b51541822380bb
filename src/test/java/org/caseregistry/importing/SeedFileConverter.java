package org.caseregistry.importing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.caseregistry.importing.CaseFileFormat.Sheet;
import org.caseregistry.staging.Tnm;

/**
 * Converts the seed paper's table ({@code shared/reference/seed-case-series.csv}) into the import
 * format, with the mapping of the demo data loader. Where the seed's words are the registry's
 * labels ("lower third", "thoraco-abdominal (2-field)", "reflux", "T2") they are kept as they are,
 * as a real spreadsheet would have them; the rest becomes codes.
 */
final class SeedFileConverter {

  static final Path SEED = Path.of("../shared/reference/seed-case-series.csv");
  static final Path SEED_COPY = Path.of("src/main/resources/demo/seed-case-series.csv");

  private SeedFileConverter() {}

  static ImportFiles.Book convert() throws IOException {
    Path source = Files.exists(SEED) ? SEED : SEED_COPY;
    ImportFiles.Book book = new ImportFiles.Book();
    for (Sheet sheet : Sheet.values()) {
      if (sheet.holdsData()) {
        book.sheet(sheet.sheetName(), CaseFileFormat.columns(sheet, true));
      }
    }
    try (Reader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        convert(row, book);
      }
    }
    return book;
  }

  private static void convert(CSVRecord row, ImportFiles.Book book) {
    String code = row.get("patient");
    Tnm clinical = Tnm.parse(row.get("ctnm"));
    Tnm pathological = Tnm.parse(row.get("ptnm_as_published"));
    boolean complication = !"none".equals(row.get("early_complication"));
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("study_code", code);
    cells.put("site_code", row.get("site").equals("Hospital E") ? "BVE" : "BVTN");
    cells.put("sex", row.get("sex").equals("M") ? "MALE" : "FEMALE");
    cells.put("age_years", row.get("age_years"));
    cells.put("bmi_entered", row.get("bmi").replace('.', ','));
    cells.put(
        "asa_class",
        List.of("I", "II", "III", "IV", "V", "VI").get(Integer.parseInt(row.get("asa")) - 1));
    cells.put("tumour_location", row.get("tumor_location"));
    cells.put("histology", "UNKNOWN");
    cells.put("ct", clinical.t().code());
    cells.put("cn", clinical.n().code());
    cells.put("cm", clinical.m().code());
    cells.put("neoadjuvant_therapy", row.get("neoadjuvant"));
    cells.put("thoracic_approach", row.get("thoracic_approach"));
    cells.put("abdominal_approach", row.get("abdominal_approach"));
    cells.put("anastomosis_site", row.get("anastomosis_site"));
    cells.put("lymphadenectomy", row.get("lymphadenectomy"));
    cells.put("stomach_condition", row.get("stomach_condition"));
    cells.put("conduit", row.get("conduit"));
    cells.put("conduit_time_min", row.get("conduit_time_min"));
    cells.put("pyloroplasty", row.get("pyloroplasty"));
    cells.put("feeding_jejunostomy", row.get("feeding_jejunostomy"));
    cells.put(
        "intraop_complication", "none".equals(row.get("intraop_complication")) ? "NO" : "YES");
    cells.put("chest_drain_removal_pod", row.get("chest_drain_removal_pod"));
    cells.put("ng_tube_removal_pod", row.get("ng_tube_removal_pod"));
    cells.put("oral_intake_pod", row.get("oral_intake_pod"));
    cells.put("any_complication", complication ? "YES" : "NO");
    cells.put("path_prefix", pathological.prefix().code());
    cells.put("pt", pathological.t().code());
    cells.put("pn", pathological.n().code());
    cells.put("pm", pathological.m().code());
    cells.put(
        "adjuvant_therapy",
        "yes".equals(row.get("adjuvant_chemotherapy")) ? "CHEMOTHERAPY" : "NONE");
    book.row("cases", cells);
    if (complication) {
      book.row(
          "complications",
          Map.of(
              "study_code",
              code,
              "complication_type",
              "DELAYED_CONDUIT_EMPTYING",
              "complication_description",
              row.get("early_complication")));
    }
    book.row(
        "nodes",
        Map.of(
            "study_code",
            code,
            "node_field",
            "THORACIC",
            "nodes_positive",
            row.get("thoracic_nodes_positive"),
            "nodes_examined",
            row.get("thoracic_nodes_examined")));
    book.row(
        "nodes",
        Map.of(
            "study_code",
            code,
            "node_field",
            "ABDOMINAL",
            "nodes_positive",
            row.get("abdominal_nodes_positive"),
            "nodes_examined",
            row.get("abdominal_nodes_examined")));
    book.row(
        "followup",
        Map.of(
            "study_code",
            code,
            "visit_month",
            "1",
            "followup_status",
            followUp(row.get("followup_1_month"))));
    book.row(
        "followup",
        Map.of(
            "study_code",
            code,
            "visit_month",
            "3",
            "followup_status",
            followUp(row.get("followup_3_months"))));
  }

  private static String followUp(String status) {
    return "good".equals(status) ? "WELL" : status;
  }
}
