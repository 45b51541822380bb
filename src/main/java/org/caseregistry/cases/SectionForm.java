package org.caseregistry.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldValues;
import org.caseregistry.form.SectionDefinition;

/**
 * What a section form (or a list item form, or a page of several sections) posts: the text of every
 * field exactly as typed, so that a refused save shows it all again, plus the reason chosen for
 * each missing value. Variable names are unique across sections, so one page may hold several.
 *
 * <p>{@code before} and {@code beforeMissing} hold what the form started from, so that a conflict
 * can show what it was before; {@code resolve} holds the choice per differing field after a
 * conflict ({@code THEIRS} takes what the other person saved). {@code versions} holds the version
 * of each section of a page of several sections, by slug.
 */
public class SectionForm {

  public static final String THEIRS = "THEIRS";

  private Map<String, String> values = new LinkedHashMap<>();
  private Map<String, String> missing = new LinkedHashMap<>();
  private Map<String, String> before = new LinkedHashMap<>();
  private Map<String, String> beforeMissing = new LinkedHashMap<>();
  private Map<String, String> resolve = new LinkedHashMap<>();
  private Map<String, Integer> versions = new LinkedHashMap<>();
  private int version;

  public static SectionForm of(Section section, SectionValues stored) {
    SectionForm form = new SectionForm();
    form.put(section, stored);
    form.version = stored.version();
    return form;
  }

  /** The form of a custom section or item: check boxes as their codes joined by commas. */
  public static SectionForm of(SectionDefinition section, SectionValues stored) {
    SectionForm form = new SectionForm();
    for (FieldDefinition field : section.valueFields()) {
      form.values.put(field.name(), FieldValues.format(stored.get(field.name())));
      MissingReason reason = stored.missing().get(field.name());
      form.missing.put(field.name(), reason == null ? "" : reason.name());
    }
    form.version = stored.version();
    return form;
  }

  /** A form for several single sections at once. */
  public static SectionForm of(List<Section> sections, CaseData data) {
    SectionForm form = new SectionForm();
    for (Section section : sections) {
      SectionValues stored = data.single(section);
      form.put(section, stored);
      form.versions.put(section.slug(), stored.version());
    }
    return form;
  }

  private void put(Section section, SectionValues stored) {
    for (Variable variable : CaseVariables.of(section)) {
      String text = ValueParser.format(stored.get(variable.name()));
      MissingReason reason = stored.missing().get(variable.name());
      values.put(variable.name(), text);
      missing.put(variable.name(), reason == null ? "" : reason.name());
      before.put(variable.name(), text);
      beforeMissing.put(variable.name(), reason == null ? "" : reason.name());
    }
  }

  /** Makes what is stored now the new starting point (after a conflict was shown). */
  public void rebase(Section section, SectionValues stored) {
    for (Variable variable : CaseVariables.of(section)) {
      MissingReason reason = stored.missing().get(variable.name());
      before.put(variable.name(), ValueParser.format(stored.get(variable.name())));
      beforeMissing.put(variable.name(), reason == null ? "" : reason.name());
    }
  }

  /** The part of a page of several sections that belongs to one section, with its version. */
  public SectionForm forSection(Section section) {
    SectionForm form = new SectionForm();
    for (Variable variable : CaseVariables.of(section)) {
      form.values.put(variable.name(), values.get(variable.name()));
      form.missing.put(variable.name(), missing.get(variable.name()));
      form.before.put(variable.name(), before.get(variable.name()));
      form.beforeMissing.put(variable.name(), beforeMissing.get(variable.name()));
    }
    form.version = versions.getOrDefault(section.slug(), 0);
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

  public Map<String, String> getBefore() {
    return before;
  }

  public void setBefore(Map<String, String> before) {
    this.before = before == null ? new LinkedHashMap<>() : before;
  }

  public Map<String, String> getBeforeMissing() {
    return beforeMissing;
  }

  public void setBeforeMissing(Map<String, String> beforeMissing) {
    this.beforeMissing = beforeMissing == null ? new LinkedHashMap<>() : beforeMissing;
  }

  public Map<String, String> getResolve() {
    return resolve;
  }

  public void setResolve(Map<String, String> resolve) {
    this.resolve = resolve == null ? new LinkedHashMap<>() : resolve;
  }

  public Map<String, Integer> getVersions() {
    return versions;
  }

  public void setVersions(Map<String, Integer> versions) {
    this.versions = versions == null ? new LinkedHashMap<>() : versions;
  }

  public int getVersion() {
    return version;
  }

  public void setVersion(int version) {
    this.version = version;
  }
}
