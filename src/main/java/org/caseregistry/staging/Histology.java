package org.caseregistry.staging;

import java.util.Optional;
import org.caseregistry.platform.EnumCodes;

/** Histological type of an esophageal or esophagogastric-junction tumour. */
public enum Histology {
  SQUAMOUS_CELL_CARCINOMA("squamous-cell-carcinoma", TableFamily.SQUAMOUS),
  ADENOCARCINOMA("adenocarcinoma", TableFamily.ADENOCARCINOMA),
  /**
   * AJCC 8th stages adenosquamous (like undifferentiated-with-squamous) tumours with the squamous
   * tables.
   */
  ADENOSQUAMOUS("adenosquamous", TableFamily.SQUAMOUS),
  /** Not a carcinoma of the types the AJCC esophagus chapter stages. */
  OTHER("other", null),
  UNKNOWN("unknown", null);

  private final String code;
  private final TableFamily tableFamily;

  Histology(String code, TableFamily tableFamily) {
    this.code = code;
    this.tableFamily = tableFamily;
  }

  public String code() {
    return code;
  }

  public String messageKey() {
    return "staging.histology." + code;
  }

  /**
   * The stage tables this histology is staged with; empty for {@link #OTHER} and {@link #UNKNOWN}.
   */
  public Optional<TableFamily> tableFamily() {
    return Optional.ofNullable(tableFamily);
  }

  public static Histology fromCode(String code) {
    return EnumCodes.fromCode(Histology.class, Histology::code, code);
  }
}
