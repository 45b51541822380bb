package org.caseregistry.catalog;

/**
 * The sections of a case, in the order they are usually filled in. Single sections hold one record
 * per case; list sections hold any number of items (complications, node groups, visits).
 */
public enum Section {
  PATIENT("case_patient", false),
  TUMOUR("case_tumour", false),
  NEOADJUVANT("case_neoadjuvant", false),
  OPERATION("case_operation", false),
  POSTOP("case_postop", false),
  COMPLICATIONS("case_complication", true),
  PATHOLOGY("case_pathology", false),
  NODES("case_node_group", true),
  // The gastrectomy module (GastricVariables): a series takes these or the esophagus ones.
  GASTRIC_TUMOUR("case_gastric_tumour", false),
  GASTRIC_OPERATION("case_gastric_operation", false),
  GASTRIC_POSTOP("case_gastric_postop", false),
  GASTRIC_COMPLICATIONS("case_gastric_complication", true),
  GASTRIC_PATHOLOGY("case_gastric_pathology", false),
  GASTRIC_NODES("case_gastric_node_station", true),
  ADJUVANT("case_adjuvant", false),
  FOLLOWUP("case_followup", true);

  private final String table;
  private final boolean list;

  Section(String table, boolean list) {
    this.table = table;
    this.list = list;
  }

  /** The database table that holds this section. */
  public String table() {
    return table;
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
