package org.caseregistry.series.editor;

import java.util.List;
import org.caseregistry.form.SectionDefinition;

/** What the section editor posts: key, labels and whether the section repeats. */
public class SectionDefinitionForm extends LabelledForm {

  private String key;
  private boolean repeating;

  static SectionDefinitionForm of(SectionDefinition section, int formVersion) {
    SectionDefinitionForm form = new SectionDefinitionForm();
    form.key = section.key();
    form.setLabels(section.labelEn(), section.labelVi());
    form.repeating = section.repeating();
    form.setFormVersion(formVersion);
    return form;
  }

  SectionDefinition toDefinition(boolean retired) {
    return new SectionDefinition(
        key, strip(getLabelEn()), strip(getLabelVi()), repeating, retired, List.of());
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

  public boolean isRepeating() {
    return repeating;
  }

  public void setRepeating(boolean repeating) {
    this.repeating = repeating;
  }
}
