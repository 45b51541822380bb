package org.caseregistry.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.SeriesForm;
import org.caseregistry.series.SeriesService;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.site.SiteService;
import org.caseregistry.staging.Tnm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the six patients of the seed paper (thoracoscopic esophagectomy with whole-stomach
 * reconstruction, Bệnh viện E and Bệnh viện Thanh Nhàn, 2021–2022) as a series marked "demo", once,
 * through the same services and checks as data entered in the browser. Values the paper does not
 * publish (histology, grade, dates, complication grade) stay "not entered".
 */
@Component
@Order(100)
@ConditionalOnProperty(
    name = "registry.demo-data.enabled",
    havingValue = "true",
    matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

  static final String SERIES_TITLE =
      "[Demo] Whole-stomach reconstruction after thoracoscopic esophagectomy, 2021–2022";

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  private static final CurrentAccount LOADER =
      new CurrentAccount(0, "demo-data", "Demo data", Role.ADMIN, Set.of());

  private final SiteService siteService;
  private final SeriesService seriesService;
  private final CaseService caseService;

  DemoDataLoader(SiteService siteService, SeriesService seriesService, CaseService caseService) {
    this.siteService = siteService;
    this.seriesService = seriesService;
    this.caseService = caseService;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) throws IOException {
    HospitalSite hospitalE = siteService.ensure("BVE", "Bệnh viện E", "Hà Nội");
    HospitalSite thanhNhan = siteService.ensure("BVTN", "Bệnh viện Thanh Nhàn", "Hà Nội");
    SeriesForm form = new SeriesForm();
    form.setTitle(SERIES_TITLE);
    form.setProcedure("Thoracoscopic esophagectomy, whole-stomach conduit");
    form.setDescription(
        "Demo data: the six patients of the published seed series (Tables 1–3). Which patient was"
            + " treated at which hospital is not published; BN1–BN4 are assigned to Bệnh viện E"
            + " and BN5–BN6 to Thanh Nhàn.");
    form.setPeriodStart(LocalDate.of(2021, 6, 1));
    form.setPeriodEnd(LocalDate.of(2022, 5, 31));
    form.getSiteIds().add(hospitalE.getId());
    form.getSiteIds().add(thanhNhan.getId());
    CaseSeries series = seriesService.createDemo(form);
    if (!caseService.isEmpty(series.getId())) {
      return;
    }
    Map<String, HospitalSite> sites =
        Map.of("Hospital E", hospitalE, "Thanh Nhan Hospital", thanhNhan);
    try (Reader reader =
        new InputStreamReader(
            new ClassPathResource("demo/seed-case-series.csv").getInputStream(),
            StandardCharsets.UTF_8)) {
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        load(series, sites.get(row.get("site")), row);
      }
    }
    log.info("Loaded the demo series '{}' (6 cases of the seed paper)", SERIES_TITLE);
  }

  private void load(CaseSeries series, HospitalSite site, CSVRecord row) {
    Outcome created =
        caseService.create(series.getId(), row.get("patient"), site.getId(), true, LOADER);
    long caseId = created.id();
    section(
        caseId,
        Section.PATIENT,
        Map.of(
            "sex", row.get("sex").equals("M") ? "MALE" : "FEMALE",
            "age_years", row.get("age_years"),
            "bmi_entered", row.get("bmi"),
            "asa_class", roman(row.get("asa"))));
    Tnm clinical = Tnm.parse(row.get("ctnm"));
    section(
        caseId,
        Section.TUMOUR,
        Map.of(
            "tumour_location", code(row.get("tumor_location")),
            "histology", "UNKNOWN",
            "ct", clinical.t().name(),
            "cn", clinical.n().name(),
            "cm", clinical.m().name()));
    section(
        caseId, Section.NEOADJUVANT, Map.of("neoadjuvant_therapy", code(row.get("neoadjuvant"))));
    section(
        caseId,
        Section.OPERATION,
        Map.of(
            "thoracic_approach", code(row.get("thoracic_approach")),
            "abdominal_approach", code(row.get("abdominal_approach")),
            "anastomosis_site", code(row.get("anastomosis_site")),
            "lymphadenectomy", "TWO_FIELD",
            "stomach_condition", code(row.get("stomach_condition")),
            "conduit", code(row.get("conduit")),
            "conduit_time_min", row.get("conduit_time_min"),
            "pyloroplasty", yesNo(row.get("pyloroplasty")),
            "feeding_jejunostomy", yesNo(row.get("feeding_jejunostomy")),
            "intraop_complication", yesNo(row.get("intraop_complication"))));
    boolean complication = !"none".equals(row.get("early_complication"));
    section(
        caseId,
        Section.POSTOP,
        Map.of(
            "chest_drain_removal_pod", row.get("chest_drain_removal_pod"),
            "ng_tube_removal_pod", row.get("ng_tube_removal_pod"),
            "oral_intake_pod", row.get("oral_intake_pod"),
            "any_complication", complication ? "YES" : "NO"));
    if (complication) {
      item(
          caseId,
          Section.COMPLICATIONS,
          Map.of(
              "complication_type",
              "DELAYED_CONDUIT_EMPTYING",
              "complication_description",
              row.get("early_complication")));
    }
    // The pathological TNM as published: BN3's "pT" after chemoradiotherapy and BN6's "pN2" with
    // seven positive nodes are kept, so that the registry's checks flag them.
    Tnm pathological = Tnm.parse(row.get("ptnm_as_published"));
    section(
        caseId,
        Section.PATHOLOGY,
        Map.of(
            "path_prefix", pathological.prefix().name(),
            "pt", pathological.t().name(),
            "pn", pathological.n().name(),
            "pm", pathological.m().name()));
    for (String field : List.of("thoracic", "abdominal")) {
      item(
          caseId,
          Section.NODES,
          Map.of(
              "node_field", field.toUpperCase(Locale.ROOT),
              "nodes_positive", row.get(field + "_nodes_positive"),
              "nodes_examined", row.get(field + "_nodes_examined")));
    }
    section(
        caseId,
        Section.ADJUVANT,
        Map.of(
            "adjuvant_therapy",
            "yes".equals(row.get("adjuvant_chemotherapy")) ? "CHEMOTHERAPY" : "NONE"));
    item(
        caseId,
        Section.FOLLOWUP,
        Map.of("visit_month", "1", "followup_status", followUp(row.get("followup_1_month"))));
    item(
        caseId,
        Section.FOLLOWUP,
        Map.of("visit_month", "3", "followup_status", followUp(row.get("followup_3_months"))));
  }

  private void section(long caseId, Section section, Map<String, String> values) {
    SectionForm form = new SectionForm();
    form.setValues(new LinkedHashMap<>(values));
    require(caseService.saveSection(caseId, section, form, LOADER), section);
  }

  private void item(long caseId, Section section, Map<String, String> values) {
    SectionForm form = new SectionForm();
    form.setValues(new LinkedHashMap<>(values));
    require(caseService.saveItem(caseId, section, null, form, LOADER), section);
  }

  private static void require(Outcome outcome, Section section) {
    if (!outcome.saved()) {
      throw new IllegalStateException(
          "Demo data refused in " + section + ": " + outcome.problems());
    }
  }

  /** "lower third" → LOWER_THIRD, "whole stomach" → WHOLE_STOMACH. */
  static String code(String label) {
    return label.strip().toUpperCase().replace(' ', '_').replace('-', '_');
  }

  private static String yesNo(String value) {
    return switch (value) {
      case "yes" -> "YES";
      case "no", "none" -> "NO";
      default -> "UNKNOWN";
    };
  }

  private static String roman(String asa) {
    return List.of("I", "II", "III", "IV", "V", "VI").get(Integer.parseInt(asa) - 1);
  }

  private static String followUp(String status) {
    return "good".equals(status) ? "WELL" : code(status);
  }
}
