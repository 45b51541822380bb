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
