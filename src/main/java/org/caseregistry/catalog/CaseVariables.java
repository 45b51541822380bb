package org.caseregistry.catalog;

import static org.caseregistry.catalog.Section.ADJUVANT;
import static org.caseregistry.catalog.Section.COMPLICATIONS;
import static org.caseregistry.catalog.Section.FOLLOWUP;
import static org.caseregistry.catalog.Section.NEOADJUVANT;
import static org.caseregistry.catalog.Section.NODES;
import static org.caseregistry.catalog.Section.OPERATION;
import static org.caseregistry.catalog.Section.PATHOLOGY;
import static org.caseregistry.catalog.Section.PATIENT;
import static org.caseregistry.catalog.Section.POSTOP;
import static org.caseregistry.catalog.Section.TUMOUR;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.caseregistry.catalog.CaseCodes.AbdominalApproach;
import org.caseregistry.catalog.CaseCodes.AdjuvantTherapy;
import org.caseregistry.catalog.CaseCodes.AnastomosisSite;
import org.caseregistry.catalog.CaseCodes.AnastomosisTechnique;
import org.caseregistry.catalog.CaseCodes.AsaClass;
import org.caseregistry.catalog.CaseCodes.Conduit;
import org.caseregistry.catalog.CaseCodes.FollowUpStatus;
import org.caseregistry.catalog.CaseCodes.Lymphadenectomy;
import org.caseregistry.catalog.CaseCodes.NeoadjuvantTherapy;
import org.caseregistry.catalog.CaseCodes.NodeField;
import org.caseregistry.catalog.CaseCodes.ResectionMargin;
import org.caseregistry.catalog.CaseCodes.Sex;
import org.caseregistry.catalog.CaseCodes.StomachCondition;
import org.caseregistry.catalog.CaseCodes.ThoracicApproach;
import org.caseregistry.catalog.CaseCodes.YesNo;
import org.caseregistry.complication.ClavienDindoGrade;
import org.caseregistry.complication.EccgComplication;
import org.caseregistry.complication.EccgSeverityType;
import org.caseregistry.staging.Grade;
import org.caseregistry.staging.Histology;
import org.caseregistry.staging.MCategory;
import org.caseregistry.staging.NCategory;
import org.caseregistry.staging.StagePrefix;
import org.caseregistry.staging.TCategory;
import org.caseregistry.staging.TumourLocation;

/**
 * Every variable a case holds (domain.md, "What a case holds"), section by section. Over 300 lines
 * because it is that list itself, one line a variable; the look-ups below it are a few lines.
 */
public final class CaseVariables {

  private static final List<Variable> ALL = new ArrayList<>();
  private static final Map<String, Variable> BY_NAME = new LinkedHashMap<>();
  private static final Map<Section, List<Variable>> BY_SECTION = new EnumMap<>(Section.class);

  static {
    section(
        PATIENT,
        code("sex", Sex.class),
        integer("age_years", 0, 120).usual(18, 90),
        integer("birth_year", 1900, 2100).usual(1920, 2010),
        decimal("height_cm", 50, 250).usual(140, 200),
        decimal("weight_kg", 10, 300).usual(35, 120),
        decimal("bmi_entered", 10, 70).usual(15, 40),
        code("asa_class", AsaClass.class),
        text("comorbidities", 2000),
        text("hospital_record_number", 50).identifier(),
        text("patient_name", 200).identifier());
    section(
        TUMOUR,
        code("tumour_location", TumourLocation.class),
        code("gastric_extension_over_2cm", YesNo.class),
        code("histology", Histology.class),
        code("ct", TCategory.class).literal(TCategory::code),
        code("cn", NCategory.class).literal(NCategory::code),
        code("cm", MCategory.class).literal(MCategory::code));
    section(
        NEOADJUVANT,
        code("neoadjuvant_therapy", NeoadjuvantTherapy.class),
        date("neoadjuvant_start_date").notApplicable(),
        date("neoadjuvant_end_date").notApplicable(),
        text("neoadjuvant_regimen", 500).notApplicable());
    section(
        OPERATION,
        date("operation_date"),
        text("surgeon_name", 200),
        code("thoracic_approach", ThoracicApproach.class),
        code("abdominal_approach", AbdominalApproach.class),
        code("anastomosis_site", AnastomosisSite.class),
        code("anastomosis_technique", AnastomosisTechnique.class),
        code("lymphadenectomy", Lymphadenectomy.class),
        code("stomach_condition", StomachCondition.class),
        code("conduit", Conduit.class),
        integer("conduit_time_min", 0, 600).usual(10, 120),
        integer("operative_time_min", 0, 1440).usual(120, 600),
        integer("blood_loss_ml", 0, 20000).usual(0, 1500),
        code("pyloroplasty", YesNo.class),
        code("feeding_jejunostomy", YesNo.class),
        code("intraop_complication", YesNo.class),
        text("intraop_complication_details", 1000).notApplicable());
    section(
        POSTOP,
        integer("chest_drain_removal_pod", 0, 365).usual(1, 30).notApplicable(),
        integer("ng_tube_removal_pod", 0, 365).usual(1, 30).notApplicable(),
        integer("oral_intake_pod", 0, 365).usual(1, 30),
        date("discharge_date"),
        code("any_complication", YesNo.class),
        code("readmission_30d", YesNo.class),
        code("mortality_30d", YesNo.class),
        code("mortality_90d", YesNo.class));
    section(
        COMPLICATIONS,
        code("complication_type", EccgComplication.class),
        text("complication_description", 500),
        code("clavien_dindo", ClavienDindoGrade.class).literal(ClavienDindoGrade::code),
        code("eccg_severity", EccgSeverityType.class).notApplicable(),
        integer("onset_pod", 0, 365).usual(0, 90),
        code("present_at_discharge", YesNo.class));
    section(
        PATHOLOGY,
        code("path_prefix", StagePrefix.class, Set.of("P", "YP")).literal(StagePrefix::code),
        code("pt", TCategory.class).literal(TCategory::code),
        code("pn", NCategory.class).literal(NCategory::code),
        code("pm", MCategory.class).literal(MCategory::code),
        code("grade", Grade.class).literal(Grade::code),
        // R0, R1, R2 and "Unknown" from the bundles (not the raw code UNKNOWN).
        code("resection_margin", ResectionMargin.class));
    section(
        NODES,
        code("node_field", NodeField.class),
        text("node_station", 20).notApplicable(),
        integer("nodes_positive", 0, 200).usual(0, 30),
        integer("nodes_examined", 0, 300).usual(1, 100));
    section(
        ADJUVANT,
        code("adjuvant_therapy", AdjuvantTherapy.class),
        date("adjuvant_start_date").notApplicable(),
        text("adjuvant_regimen", 500).notApplicable());
    section(
        FOLLOWUP,
        integer("visit_month", 0, 600).usual(0, 120),
        date("visit_date"),
        code("followup_status", FollowUpStatus.class),
        text("followup_notes", 1000));
    GastricVariables.register();
  }

  private CaseVariables() {}

  public static List<Variable> all() {
    return Collections.unmodifiableList(ALL);
  }

  public static List<Variable> of(Section section) {
    return BY_SECTION.getOrDefault(section, List.of());
  }

  public static Variable get(String name) {
    Variable variable = BY_NAME.get(name);
    if (variable == null) {
      throw new IllegalArgumentException("No variable " + name);
    }
    return variable;
  }

  public static boolean exists(String name) {
    return BY_NAME.containsKey(name);
  }

  static void section(Section section, Builder... builders) {
    List<Variable> variables = new ArrayList<>();
    for (Builder builder : builders) {
      Variable variable = builder.build(section);
      if (BY_NAME.putIfAbsent(variable.name(), variable) != null) {
        throw new IllegalStateException("Duplicate variable " + variable.name());
      }
      variables.add(variable);
    }
    ALL.addAll(variables);
    BY_SECTION.put(section, List.copyOf(variables));
  }

  static <E extends Enum<E>> Builder code(String name, Class<E> type) {
    return new Builder(name, ValueType.CODE).codes(type, null);
  }

  static <E extends Enum<E>> Builder code(String name, Class<E> type, Set<String> only) {
    return new Builder(name, ValueType.CODE).codes(type, only);
  }

  static Builder integer(String name, int min, int max) {
    return new Builder(name, ValueType.INTEGER).range(min, max);
  }

  static Builder decimal(String name, int min, int max) {
    return new Builder(name, ValueType.DECIMAL).range(min, max);
  }

  static Builder date(String name) {
    return new Builder(name, ValueType.DATE);
  }

  static Builder text(String name, int maxLength) {
    Builder builder = new Builder(name, ValueType.TEXT);
    builder.maxLength = maxLength;
    return builder;
  }

  static final class Builder {
    private final String name;
    private final ValueType type;
    private Class<? extends Enum<?>> codeType;
    private Set<String> onlyCodes;
    private Function<Object, String> literal;
    private BigDecimal min;
    private BigDecimal max;
    private BigDecimal usualMin;
    private BigDecimal usualMax;
    private int maxLength;
    private boolean notApplicable;
    private boolean identifier;

    private Builder(String name, ValueType type) {
      this.name = name;
      this.type = type;
    }

    <E extends Enum<E>> Builder codes(Class<E> type, Set<String> only) {
      this.codeType = type;
      this.onlyCodes = only;
      return this;
    }

    @SuppressWarnings("unchecked")
    <E extends Enum<E>> Builder literal(Function<E, String> label) {
      this.literal = value -> label.apply((E) value);
      return this;
    }

    Builder range(int min, int max) {
      this.min = BigDecimal.valueOf(min);
      this.max = BigDecimal.valueOf(max);
      return this;
    }

    Builder usual(int min, int max) {
      this.usualMin = BigDecimal.valueOf(min);
      this.usualMax = BigDecimal.valueOf(max);
      return this;
    }

    Builder notApplicable() {
      this.notApplicable = true;
      return this;
    }

    Builder identifier() {
      this.identifier = true;
      return this;
    }

    /**
     * The enum's own message key where it has one (staging, complications), else code.Type.NAME.
     */
    private String labelKey(Enum<?> value) {
      try {
        return (String) value.getClass().getMethod("messageKey").invoke(value);
      } catch (ReflectiveOperationException noOwnKey) {
        return "code." + codeType.getSimpleName() + "." + value.name();
      }
    }

    Variable build(Section section) {
      List<CodeOption> options = List.of();
      if (codeType != null) {
        options =
            Arrays.stream(codeType.getEnumConstants())
                .filter(value -> onlyCodes == null || onlyCodes.contains(value.name()))
                .map(
                    value ->
                        new CodeOption(
                            value.name(),
                            labelKey(value),
                            literal == null ? null : literal.apply(value)))
                .toList();
      }
      return new Variable(
          name,
          section,
          type,
          options,
          min,
          max,
          usualMin,
          usualMax,
          maxLength,
          notApplicable,
          identifier);
    }
  }
}
