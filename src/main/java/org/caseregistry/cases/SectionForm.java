package org.caseregistry.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldValues;
import org.caseregistry.form.SectionDefinition;

/**
 * What a section form (or a list item form) posts: the text of every field exactly as typed, so
 * that a refused save shows it all again, plus the reason chosen for each missing value.
 */
public class SectionForm {

  private Map<String, String> values = new LinkedHashMap<>();
  private Map<String, String> missing = new LinkedHashMap<>();
  private int version;

  static SectionForm of(Section section, SectionValues stored) {
    SectionForm form = new SectionForm();
    for (Variable variable : CaseVariables.of(section)) {
      form.values.put(variable.name(), ValueParser.format(stored.get(variable.name())));
      MissingReason reason = stored.missing().get(variable.name());
      form.missing.put(variable.name(), reason == null ? "" : reason.name());
    }
    form.version = stored.version();
    return form;
  }

  /** The form of a custom section or item: check boxes as their codes joined by commas. */
  static SectionForm of(SectionDefinition section, SectionValues stored) {
    SectionForm form = new SectionForm();
    for (FieldDefinition field : section.valueFields()) {
      form.values.put(field.name(), FieldValues.format(stored.get(field.name())));
      MissingReason reason = stored.missing().get(field.name());
      form.missing.put(field.name(), reason == null ? "" : reason.name());
    }
    form.version = stored.version();
    return form;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public void setValues(Map<String, String> values) {
    this.values = values == null ? new LinkedHashMap<>() : values;
  }

  public Map<String, String> getMissing() {
    return missing;
  }

  public void setMissing(Map<String, String> missing) {
    this.missing = missing == null ? new LinkedHashMap<>() : missing;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
