package org.caseregistry.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.ValueType;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FormDefinition;

/**
 * A variable a summary table can show or group by: every number and code of the single sections of
 * the catalog (identifiers, dates and free text excepted) and the derived columns stored with each
 * case.
 *
 * @param expression its SQL over the aliases of {@link ReportFilter#FROM}
 * @param reasonExpression SQL for why it is missing ("UNKNOWN", "NOT_APPLICABLE"), or "null"
 * @param options its codes in their order, for a categorical variable
 * @param join the join its expressions need beyond {@link ReportFilter#FROM} (custom fields), or
 *     null
 * @param counted where a custom field's kept counts are, or null (built-in variables are counted by
 *     name)
 */
record SummaryVariable(
    String name,
    String labelKey,
    boolean continuous,
    String expression,
    String reasonExpression,
    List<CodeOption> options,
    String join,
    CustomCounted counted) {

  SummaryVariable(
      String name,
      String labelKey,
      boolean continuous,
      String expression,
      String reasonExpression,
      List<CodeOption> options) {
    this(name, labelKey, continuous, expression, reasonExpression, options, null, null);
  }

  /** The groupings besides the categorical variables: site and operation year. */
  static final String SITE = "site";

  static final String OPERATION_YEAR = "operation_year";

  private static final Map<String, SummaryVariable> ALL = new LinkedHashMap<>();

  static {
    for (Variable variable : CaseVariables.all()) {
      Section section = variable.section();
      boolean summarised =
          !section.isList()
              && !variable.identifier()
              && (variable.isCoded() || variable.isNumeric());
      if (summarised) {
        String alias = ReportFilter.ALIASES.get(section);
        add(
            new SummaryVariable(
                variable.name(),
                variable.labelKey(),
                variable.type() != ValueType.CODE,
                alias + "." + variable.name(),
                alias + ".missing_reasons->>'" + variable.name() + "'",
                variable.options()));
      }
    }
    add(derivedNumber("bmi", "derived.bmi"));
    add(derivedNumber("age_at_surgery", "derived.age"));
    add(derivedCode("clinical_stage", "case.stage.clinical", stageOptions()));
    add(derivedCode("pathological_stage", "case.stage.pathological", stageOptions()));
    // The gastric N codes are the esophagus ones plus N3a and N3b; only counted codes are shown.
    add(
        derivedCode(
            "pn_from_count", "derived.pn-from-count", CaseVariables.get("gastric_pn").options()));
    add(derivedNumber("nodes_positive_total", "report.var.nodes_positive_total"));
    add(derivedNumber("nodes_examined_total", "report.var.nodes_examined_total"));
    add(derivedNumber("length_of_stay_days", "derived.los"));
    add(derivedNumber("cci", "derived.cci"));
    add(
        derivedCode(
            "worst_clavien_dindo",
            "derived.worst-cd",
            CaseVariables.get("clavien_dindo").options()));
    add(derivedNumber("complication_count", "derived.complications"));
  }

  private static void add(SummaryVariable variable) {
    ALL.put(variable.name(), variable);
  }

  private static SummaryVariable derivedNumber(String column, String labelKey) {
    return new SummaryVariable(column, labelKey, true, "c." + column, "null", List.of());
  }

  private static SummaryVariable derivedCode(
      String column, String labelKey, List<CodeOption> options) {
    return new SummaryVariable(column, labelKey, false, "c." + column, "null", options);
  }

  /** Stage groups as stored (enum names), in increasing order, labelled stage.&lt;name&gt;. */
  private static List<CodeOption> stageOptions() {
    return Arrays.stream(
            new String[] {
              "STAGE_0", "I", "IA", "IB", "IC", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IIIC",
              "IV", "IVA", "IVB"
            })
        .map(code -> new CodeOption(code, "stage." + code, null))
        .toList();
  }

  /** Whether a series with this form offers it: derived columns always, variables by module. */
  boolean offeredBy(FormDefinition form) {
    return !CaseVariables.exists(name) || form.hasModule(CaseVariables.get(name).section());
  }

  static List<SummaryVariable> offeredIn(FormDefinition form) {
    return ALL.values().stream().filter(variable -> variable.offeredBy(form)).toList();
  }

  /** The first summary of a series: the seed paper's Table 1, or the gastric one. */
  static List<String> defaults(FormDefinition form) {
    if (!form.hasModule(Section.GASTRIC_TUMOUR)) {
      return defaults();
    }
    return List.of(
        "age_at_surgery",
        "sex",
        "asa_class",
        "gastric_location",
        "gastric_histology",
        "lauren_type",
        "gastric_chemotherapy",
        "gastric_approach",
        "gastrectomy_extent",
        "lymphadenectomy_level",
        "reconstruction",
        "nodes_examined_total",
        "pn_from_count",
        "pathological_stage",
        "cci",
        "length_of_stay_days");
  }

  static List<SummaryVariable> all() {
    return Collections.unmodifiableList(new ArrayList<>(ALL.values()));
  }

  static Optional<SummaryVariable> find(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  Optional<CodeOption> option(String code) {
    return options.stream().filter(option -> option.code().equals(code)).findFirst();
  }

  /** The seed paper's Table 1 variables: the summary a new visitor sees first. */
  static List<String> defaults() {
    return List.of(
        "age_at_surgery",
        "sex",
        "bmi",
        "asa_class",
        "tumour_location",
        "histology",
        "neoadjuvant_therapy",
        "abdominal_approach",
        "conduit_time_min",
        "length_of_stay_days",
        "pathological_stage");
  }
}
