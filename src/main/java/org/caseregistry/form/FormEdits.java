package org.caseregistry.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caseregistry.catalog.Section;

/**
 * The changes the form editor makes, each giving a new definition and leaving the old one as it
 * was. Whether the result is valid and safe for stored values is judged when it is saved.
 */
public final class FormEdits {

  private FormEdits() {}

  public static FormDefinition withModules(FormDefinition form, List<Section> modules) {
    return form.withModules(modules);
  }

  public static FormDefinition addSection(FormDefinition form, SectionDefinition section) {
    List<SectionDefinition> sections = new ArrayList<>(form.sections());
    sections.add(section);
    return form.withSections(sections);
  }

  /** Replaces the section of that key; its fields stay as they are. */
  public static FormDefinition replaceSection(
      FormDefinition form, String key, SectionDefinition changed) {
    List<SectionDefinition> sections = new ArrayList<>();
    for (SectionDefinition section : form.sections()) {
      sections.add(section.key().equals(key) ? changed.withFields(section.fields()) : section);
    }
    return form.withSections(sections);
  }

  public static FormDefinition removeSection(FormDefinition form, String key) {
    return form.withSections(
        form.sections().stream().filter(section -> !section.key().equals(key)).toList());
  }

  public static FormDefinition retireSection(FormDefinition form, String key, boolean retired) {
    return form.withSections(
        form.sections().stream()
            .map(section -> section.key().equals(key) ? section.withRetired(retired) : section)
            .toList());
  }

  /**
   * Moves a custom section one place up (-1) or down (+1) in the form's one list of modules and
   * sections: past a module as well as past another section.
   */
  public static FormDefinition moveSection(FormDefinition form, String key, int step) {
    return form.withOrder(FormOrder.move(form.orderedKeys(), key, step));
  }

  public static FormDefinition addField(
      FormDefinition form, String sectionKey, FieldDefinition field) {
    return mapSection(
        form,
        sectionKey,
        section -> {
          List<FieldDefinition> fields = new ArrayList<>(section.fields());
          fields.add(field);
          return section.withFields(fields);
        });
  }

  /** Replaces the field of that name where it is (its name may change with it). */
  public static FormDefinition replaceField(
      FormDefinition form, String name, FieldDefinition changed) {
    return form.withSections(
        form.sections().stream()
            .map(
                section ->
                    section.withFields(
                        section.fields().stream()
                            .map(field -> field.name().equals(name) ? changed : field)
                            .toList()))
            .toList());
  }

  public static FormDefinition removeField(FormDefinition form, String name) {
    return form.withSections(
        form.sections().stream()
            .map(
                section ->
                    section.withFields(
                        section.fields().stream()
                            .filter(field -> !field.name().equals(name))
                            .toList()))
            .toList());
  }

  public static FormDefinition retireField(FormDefinition form, String name, boolean retired) {
    return form.field(name)
        .map(field -> replaceField(form, name, field.withRetired(retired)))
        .orElse(form);
  }

  /** Moves a field one place up (-1) or down (+1) within its section. */
  public static FormDefinition moveField(FormDefinition form, String name, int step) {
    Optional<SectionDefinition> home = form.sectionOf(name);
    if (home.isEmpty()) {
      return form;
    }
    return mapSection(
        form,
        home.get().key(),
        section -> {
          List<FieldDefinition> fields = new ArrayList<>(section.fields());
          swap(fields, indexOf(fields.stream().map(FieldDefinition::name).toList(), name), step);
          return section.withFields(fields);
        });
  }

  private interface SectionChange {
    SectionDefinition apply(SectionDefinition section);
  }

  private static FormDefinition mapSection(FormDefinition form, String key, SectionChange change) {
    return form.withSections(
        form.sections().stream()
            .map(section -> section.key().equals(key) ? change.apply(section) : section)
            .toList());
  }

  private static int indexOf(List<String> keys, String key) {
    return keys.indexOf(key);
  }

  private static <T> void swap(List<T> list, int index, int step) {
    int to = index + Integer.signum(step);
    if (index < 0 || to < 0 || to >= list.size() || to == index) {
      return;
    }
    T moved = list.get(index);
    list.set(index, list.get(to));
    list.set(to, moved);
  }
}
