package org.caseregistry.catalog;

/**
 * Typed keys of the built-in variables that the clinical rules read (derivation, warnings, save
 * checks, the complication tally): a rule names its variable by a constant, so a misspelt name is a
 * compile error and a key whose variable the catalog lacks fails as this class loads ({@code
 * KeysTest}).
 */
public final class Keys {

  public static final Variable ADJUVANT_START_DATE = CaseVariables.get("adjuvant_start_date");

  public static final Variable AGE_YEARS = CaseVariables.get("age_years");

  public static final Variable ANY_COMPLICATION = CaseVariables.get("any_complication");

  public static final Variable BIRTH_YEAR = CaseVariables.get("birth_year");

  public static final Variable BMI_ENTERED = CaseVariables.get("bmi_entered");

  public static final Variable CLAVIEN_DINDO = CaseVariables.get("clavien_dindo");

  public static final Variable CM = CaseVariables.get("cm");

  public static final Variable CN = CaseVariables.get("cn");

  public static final Variable COMPLICATION_TYPE = CaseVariables.get("complication_type");

  public static final Variable CT = CaseVariables.get("ct");

  public static final Variable DISCHARGE_DATE = CaseVariables.get("discharge_date");

  public static final Variable ECCG_SEVERITY = CaseVariables.get("eccg_severity");

  public static final Variable FOLLOWUP_STATUS = CaseVariables.get("followup_status");

  public static final Variable GASTRIC_ANY_COMPLICATION =
      CaseVariables.get("gastric_any_complication");

  public static final Variable GASTRIC_CHEMOTHERAPY = CaseVariables.get("gastric_chemotherapy");

  public static final Variable GASTRIC_CLAVIEN_DINDO = CaseVariables.get("gastric_clavien_dindo");

  public static final Variable GASTRIC_CM = CaseVariables.get("gastric_cm");

  public static final Variable GASTRIC_CN = CaseVariables.get("gastric_cn");

  public static final Variable GASTRIC_COMPLICATION_TYPE =
      CaseVariables.get("gastric_complication_type");

  public static final Variable GASTRIC_CT = CaseVariables.get("gastric_ct");

  public static final Variable GASTRIC_DISCHARGE_DATE = CaseVariables.get("gastric_discharge_date");

  public static final Variable GASTRIC_EXTENSION_OVER_2CM =
      CaseVariables.get("gastric_extension_over_2cm");

  public static final Variable GASTRIC_HISTOLOGY = CaseVariables.get("gastric_histology");

  public static final Variable GASTRIC_OPERATION_DATE = CaseVariables.get("gastric_operation_date");

  public static final Variable GASTRIC_PATH_PREFIX = CaseVariables.get("gastric_path_prefix");

  public static final Variable GASTRIC_PM = CaseVariables.get("gastric_pm");

  public static final Variable GASTRIC_PN = CaseVariables.get("gastric_pn");

  public static final Variable GASTRIC_PT = CaseVariables.get("gastric_pt");

  public static final Variable GRADE = CaseVariables.get("grade");

  public static final Variable HEIGHT_CM = CaseVariables.get("height_cm");

  public static final Variable HISTOLOGY = CaseVariables.get("histology");

  public static final Variable JGCA_STATION = CaseVariables.get("jgca_station");

  public static final Variable NEOADJUVANT_END_DATE = CaseVariables.get("neoadjuvant_end_date");

  public static final Variable NEOADJUVANT_START_DATE = CaseVariables.get("neoadjuvant_start_date");

  public static final Variable NEOADJUVANT_THERAPY = CaseVariables.get("neoadjuvant_therapy");

  public static final Variable NODE_FIELD = CaseVariables.get("node_field");

  public static final Variable NODE_STATION = CaseVariables.get("node_station");

  public static final Variable NODES_EXAMINED = CaseVariables.get("nodes_examined");

  public static final Variable NODES_POSITIVE = CaseVariables.get("nodes_positive");

  public static final Variable OPERATION_DATE = CaseVariables.get("operation_date");

  public static final Variable PATH_PREFIX = CaseVariables.get("path_prefix");

  public static final Variable PM = CaseVariables.get("pm");

  public static final Variable PN = CaseVariables.get("pn");

  public static final Variable POPF_GRADE = CaseVariables.get("popf_grade");

  public static final Variable PT = CaseVariables.get("pt");

  public static final Variable STATION_NODES_EXAMINED = CaseVariables.get("station_nodes_examined");

  public static final Variable STATION_NODES_POSITIVE = CaseVariables.get("station_nodes_positive");

  public static final Variable TUMOUR_LOCATION = CaseVariables.get("tumour_location");

  public static final Variable VISIT_DATE = CaseVariables.get("visit_date");

  public static final Variable VISIT_MONTH = CaseVariables.get("visit_month");

  public static final Variable WEIGHT_KG = CaseVariables.get("weight_kg");

  private Keys() {}
}
