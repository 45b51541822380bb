package org.caseregistry.series.editor;

import java.util.List;
import org.caseregistry.form.SectionDefinition;

/** What the section editor posts: key, labels and whether the section repeats. */
public class SectionDefinitionForm {

  private String key;
  private String labelEn;
  private String labelVi;
  private boolean repeating;
  private int formVersion;

  static SectionDefinitionForm of(SectionDefinition section, int formVersion) {
    SectionDefinitionForm form = new SectionDefinitionForm();
    form.key = section.key();
    form.labelEn = section.labelEn();
    form.labelVi = section.labelVi();
    form.repeating = section.repeating();
    form.formVersion = formVersion;
    return form;
  }

  SectionDefinition toDefinition(boolean retired) {
    return new SectionDefinition(
        key, strip(labelEn), strip(labelVi), repeating, retired, List.of());
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key == null ? null : key.strip();
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

  public boolean isRepeating() {
    return repeating;
  }

  public void setRepeating(boolean repeating) {
    this.repeating = repeating;
  }

  public int getFormVersion() {
    return formVersion;
  }

  public void setFormVersion(int formVersion) {
    this.formVersion = formVersion;
  }
}
