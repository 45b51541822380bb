package org.caseregistry.series.editor;

/**
 * What every form of the editor posts: the English and Vietnamese labels of what it defines, and
 * the form version it was opened at (a stale editor gets a conflict, not an overwrite).
 */
public abstract class LabelledForm {

  private String labelEn;
  private String labelVi;
  private int formVersion;

  void setLabels(String en, String vi) {
    labelEn = en;
    labelVi = vi;
  }

  public String getLabelEn() {
    return labelEn;
  }

  public void setLabelEn(String labelEn) {
    this.labelEn = labelEn;
  }

  public String getLabelVi() {
    return labelVi;
  }

  public void setLabelVi(String labelVi) {
    this.labelVi = labelVi;
  }

  public int getFormVersion() {
    return formVersion;
  }

  public void setFormVersion(int formVersion) {
    this.formVersion = formVersion;
  }
}
