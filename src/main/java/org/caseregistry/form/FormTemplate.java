package org.caseregistry.form;

import java.util.List;
import org.caseregistry.catalog.Section;

/**
 * The forms a new series can start from. Esophagectomy is the registry's first series (every
 * built-in module); the ICU template is the case series of ECMO in anaphylactic shock refractory to
 * vasopressors (the last paper of the seed file): the patient core plus custom sections.
 */
public enum FormTemplate {
  ESOPHAGECTOMY,
  /** Gastrectomy for gastric cancer: the patient, the gastric modules, adjuvant and follow-up. */
  GASTRECTOMY,
  ICU_CASE_SERIES,
  BLANK;

  /** The modules of the registry's first series, which every series had before forms. */
  public static final List<Section> ESOPHAGECTOMY_MODULES =
      List.of(
          Section.PATIENT,
          Section.TUMOUR,
          Section.NEOADJUVANT,
          Section.OPERATION,
          Section.POSTOP,
          Section.COMPLICATIONS,
          Section.PATHOLOGY,
          Section.NODES,
          Section.ADJUVANT,
          Section.FOLLOWUP);

  /** The modules of a gastric cancer series (domain.md, "Gastric cancer"). */
  public static final List<Section> GASTRECTOMY_MODULES =
      List.of(
          Section.PATIENT,
          Section.GASTRIC_TUMOUR,
          Section.GASTRIC_OPERATION,
          Section.GASTRIC_POSTOP,
          Section.GASTRIC_COMPLICATIONS,
          Section.GASTRIC_PATHOLOGY,
          Section.GASTRIC_NODES,
          Section.ADJUVANT,
          Section.FOLLOWUP);

  public String messageKey() {
    return "form.template." + name().toLowerCase().replace('_', '-');
  }

  public FormDefinition definition() {
    return switch (this) {
      case ESOPHAGECTOMY -> new FormDefinition(ESOPHAGECTOMY_MODULES, List.of());
      case GASTRECTOMY -> new FormDefinition(GASTRECTOMY_MODULES, List.of());
      case ICU_CASE_SERIES -> icuCaseSeries();
      case BLANK -> new FormDefinition(List.of(), List.of());
    };
  }

  private static FormDefinition icuCaseSeries() {
    SectionDefinition presentation =
        new SectionDefinition(
            "presentation",
            "Anaphylaxis and circulatory failure",
            "Phản vệ và suy tuần hoàn",
            false,
            false,
            List.of(
                choice(
                    "allergen",
                    "Suspected allergen",
                    "Dị nguyên nghi ngờ",
                    List.of(
                        new Choice("1", "Drug", "Thuốc", false),
                        new Choice("2", "Food", "Thức ăn", false),
                        new Choice("3", "Insect venom", "Nọc côn trùng", false),
                        new Choice("4", "Contrast medium", "Thuốc cản quang", false),
                        new Choice("5", "Unknown", "Không rõ", false),
                        new Choice("99", "Other", "Khác", false))),
                FieldDefinition.of(
                        "allergen_other", FieldType.TEXT, "Other allergen", "Dị nguyên khác")
                    .toBuilder()
                    .showIf("[allergen] = '99'")
                    .maxLength(200)
                    .build(),
                FieldDefinition.of(
                    "cardiac_arrest",
                    FieldType.YES_NO,
                    "Cardiac arrest before ECMO",
                    "Ngừng tuần hoàn trước ECMO"),
                FieldDefinition.of(
                        "cpr_duration_min",
                        FieldType.INTEGER,
                        "Duration of CPR",
                        "Thời gian hồi sinh tim phổi")
                    .toBuilder()
                    .unit("min")
                    .limits("0", "300")
                    .usual("0", "90")
                    .showIf("[cardiac_arrest] = '1'")
                    .build(),
                FieldDefinition.of(
                        "vis_pre_ecmo",
                        FieldType.DECIMAL,
                        "Vasoactive-inotropic score before ECMO",
                        "Điểm vận mạch – cường tim trước ECMO")
                    .toBuilder()
                    .limits("0", "2000")
                    .usual("0", "300")
                    .unknownAllowed(true)
                    .build(),
                FieldDefinition.of(
                        "lactate_pre_ecmo",
                        FieldType.DECIMAL,
                        "Lactate before ECMO",
                        "Lactat trước ECMO")
                    .toBuilder()
                    .unit("mmol/L")
                    .limits("0", "40")
                    .usual("0.5", "20")
                    .unknownAllowed(true)
                    .build(),
                FieldDefinition.of(
                        "lvef_pre_ecmo",
                        FieldType.INTEGER,
                        "Left ventricular ejection fraction",
                        "Phân suất tống máu thất trái")
                    .toBuilder()
                    .unit("%")
                    .limits("0", "100")
                    .usual("5", "80")
                    .unknownAllowed(true)
                    .build()));
    SectionDefinition ecmo =
        new SectionDefinition(
            "ecmo",
            "ECMO",
            "ECMO",
            false,
            false,
            List.of(
                choice(
                        "ecmo_mode",
                        "ECMO mode",
                        "Phương thức ECMO",
                        List.of(
                            new Choice(
                                "1", "Veno-arterial (VA)", "Tĩnh mạch – động mạch (VA)", false),
                            new Choice(
                                "2", "Veno-venous (VV)", "Tĩnh mạch – tĩnh mạch (VV)", false),
                            new Choice("3", "Hybrid (VAV)", "Kết hợp (VAV)", false)))
                    .toBuilder()
                    .style(ChoiceStyle.RADIO)
                    .required(true)
                    .build(),
                FieldDefinition.of("ecmo_start", FieldType.DATE, "ECMO start", "Ngày bắt đầu ECMO")
                    .toBuilder()
                    .required(true)
                    .build(),
                FieldDefinition.of("ecmo_end", FieldType.DATE, "ECMO end", "Ngày kết thúc ECMO"),
                FieldDefinition.of(
                        "ecmo_days", FieldType.CALCULATED, "Days on ECMO", "Số ngày chạy ECMO")
                    .toBuilder()
                    .unit("days")
                    .calculation("datediff([ecmo_start], [ecmo_end], \"d\")")
                    .build(),
                FieldDefinition.of(
                        "ecmo_compl",
                        FieldType.MULTIPLE_CHOICE,
                        "ECMO complications",
                        "Biến chứng ECMO")
                    .toBuilder()
                    .choices(
                        List.of(
                            new Choice("1", "Bleeding", "Chảy máu", false),
                            new Choice("2", "Limb ischaemia", "Thiếu máu chi", false),
                            new Choice("3", "Circuit thrombosis", "Huyết khối hệ thống", false),
                            new Choice("4", "Infection", "Nhiễm khuẩn", false),
                            new Choice("5", "Haemolysis", "Tan máu", false)))
                    .build(),
                FieldDefinition.of(
                        "ecmo_bleeding_site", FieldType.TEXT, "Bleeding site", "Vị trí chảy máu")
                    .toBuilder()
                    .showIf("[ecmo_compl(1)] = '1'")
                    .maxLength(200)
                    .build(),
                FieldDefinition.of(
                        "ecmo_weaned", FieldType.YES_NO, "Weaned from ECMO", "Cai ECMO thành công")
                    .toBuilder()
                    .required(true)
                    .build()));
    SectionDefinition outcome =
        new SectionDefinition(
            "outcome",
            "Outcome",
            "Kết cục",
            false,
            false,
            List.of(
                FieldDefinition.of(
                        "survival_discharge",
                        FieldType.YES_NO,
                        "Survived to discharge",
                        "Sống đến khi ra viện")
                    .toBuilder()
                    .required(true)
                    .build(),
                FieldDefinition.of(
                        "death_cause", FieldType.TEXT, "Cause of death", "Nguyên nhân tử vong")
                    .toBuilder()
                    .showIf("[survival_discharge] = '0'")
                    .maxLength(500)
                    .build(),
                FieldDefinition.of(
                        "icu_days", FieldType.INTEGER, "Days in ICU", "Số ngày nằm hồi sức")
                    .toBuilder()
                    .unit("days")
                    .limits("0", "365")
                    .usual("1", "60")
                    .build()));
    return new FormDefinition(List.of(Section.PATIENT), List.of(presentation, ecmo, outcome));
  }

  private static FieldDefinition choice(
      String name, String labelEn, String labelVi, List<Choice> choices) {
    return FieldDefinition.of(name, FieldType.SINGLE_CHOICE, labelEn, labelVi).toBuilder()
        .choices(choices)
        .build();
  }
}
