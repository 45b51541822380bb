package org.caseregistry.staging;

import java.util.regex.Pattern;
import org.caseregistry.platform.EnumCodes;

/** AJCC 8th edition anatomic/prognostic stage group, in increasing order of severity. */
public enum StageGroup {
  STAGE_0("0"),
  I("I"),
  IA("IA"),
  IB("IB"),
  IC("IC"),
  II("II"),
  IIA("IIA"),
  IIB("IIB"),
  III("III"),
  IIIA("IIIA"),
  IIIB("IIIB"),
  /** Stomach only. */
  IIIC("IIIC"),
  /** Stomach, pathological and after neoadjuvant therapy: any M1. */
  IV("IV"),
  IVA("IVA"),
  IVB("IVB");

  private static final Pattern STAGE_WORD = Pattern.compile("^(?i)stage[\\s_]*");

  private final String label;

  StageGroup(String label) {
    this.label = label;
  }

  /** "0", "IA", "IIIB": as printed after the word "stage". */
  public String label() {
    return label;
  }

  /** The export code, the same as {@link #label()}. */
  public String code() {
    return label;
  }

  /** Accepts "IIA", "iia", "Stage IIA", "0". */
  public static StageGroup fromCode(String code) {
    String label = code == null ? null : STAGE_WORD.matcher(code.strip()).replaceFirst("");
    return EnumCodes.fromCode(StageGroup.class, StageGroup::code, label);
  }
}
