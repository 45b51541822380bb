package org.caseregistry.catalog;

/**
 * The sections of a case, in the order they are usually filled in. Single sections hold one record
 * per case; list sections hold any number of items (complications, node groups, visits).
 */
public enum Section {
  PATIENT("case_patient", "case_patient_view", false),
  TUMOUR("case_tumour", "case_tumour_view", false),
  NEOADJUVANT("case_neoadjuvant", "case_neoadjuvant_view", false),
  OPERATION("case_operation", "case_operation_view", false),
  POSTOP("case_postop", "case_postop_view", false),
  COMPLICATIONS("case_complication", "case_complication_view", true),
  PATHOLOGY("case_pathology", "case_pathology_view", false),
  NODES("case_node_group", "case_node_group_view", true),
  // The gastrectomy module (GastricVariables): a series takes these or the esophagus ones.
  GASTRIC_TUMOUR("case_gastric_tumour", "case_gastric_tumour_view", false),
  GASTRIC_OPERATION("case_gastric_operation", "case_gastric_operation_view", false),
  GASTRIC_POSTOP("case_gastric_postop", "case_gastric_postop_view", false),
  GASTRIC_COMPLICATIONS("case_gastric_complication", "case_gastric_complication_view", true),
  GASTRIC_PATHOLOGY("case_gastric_pathology", "case_gastric_pathology_view", false),
  GASTRIC_NODES("case_gastric_node_station", "case_gastric_node_station_view", true),
  ADJUVANT("case_adjuvant", "case_adjuvant_view", false),
  FOLLOWUP("case_followup", "case_followup_view", true);

  private final String table;
  private final String view;
  private final boolean list;

  Section(String table, String view, boolean list) {
    this.table = table;
    this.view = view;
    this.list = list;
  }

  /**
   * The storage table that holds this section: for the storage code of {@code cases} alone, which
   * owns it. Every other module reads {@link #view()} ({@code PublishedReadModelTest}).
   */
  public String table() {
    return table;
  }

  /**
   * The read-only view that {@code cases} publishes of this section (Flyway V57): the case, one
   * column per catalog variable, the missing reasons and, for list sections, the item's id and
   * position. What reports, the dashboard and every other reader of case data join.
   */
  public String view() {
    return view;
  }

  public boolean isList() {
    return list;
  }

  /** One of the gastrectomy module's sections. */
  public boolean isGastric() {
    return name().startsWith("GASTRIC_");
  }

  /**
   * The sections of the procedure-specific esophagectomy module, which a gastric form leaves out
   * (patient, adjuvant therapy and follow-up are shared).
   */
  public boolean isEsophagusOnly() {
    return switch (this) {
      case TUMOUR, NEOADJUVANT, OPERATION, POSTOP, COMPLICATIONS, PATHOLOGY, NODES -> true;
      default -> false;
    };
  }

  /** The lower-case name used in URLs and message keys, e.g. "postop". */
  public String slug() {
    return name().toLowerCase();
  }

  public String messageKey() {
    return "section." + slug();
  }

  public static Section fromSlug(String slug) {
    for (Section section : values()) {
      if (section.slug().equals(slug)) {
        return section;
      }
    }
    return null;
  }
}
