package org.caseregistry.form;

/**
 * One code of a choice field: the stored code, its labels, and whether it is retired (kept for
 * stored values, no longer offered for new entry).
 */
public record Choice(String code, String labelEn, String labelVi, boolean retired) {

  public Choice {
    code = code == null ? "" : code.strip();
    labelEn = labelEn == null ? "" : labelEn.strip();
    labelVi = labelVi == null || labelVi.isBlank() ? labelEn : labelVi.strip();
  }

  public String label(boolean vietnamese) {
    return vietnamese ? labelVi : labelEn;
  }

  public Choice retire() {
    return new Choice(code, labelEn, labelVi, true);
  }
}
