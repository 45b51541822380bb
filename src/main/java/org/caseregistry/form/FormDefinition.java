package org.caseregistry.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.caseregistry.catalog.Section;

/**
 * What a series asks of each case: the built-in modules it switches on (in the catalog's order,
 * with their own variables and clinical rules) and its custom sections, in the order it wants.
 */
public record FormDefinition(List<Section> modules, List<SectionDefinition> sections) {

  public FormDefinition {
    modules =
        modules == null
            ? List.of()
            : Arrays.stream(Section.values()).filter(modules::contains).toList();
    sections = sections == null ? List.of() : List.copyOf(sections);
  }

  public boolean hasModule(Section section) {
    return modules.contains(section);
  }

  public Optional<SectionDefinition> section(String key) {
    return sections.stream().filter(section -> section.key().equals(key)).findFirst();
  }

  /** The custom sections offered for entry: not retired. */
  public List<SectionDefinition> activeSections() {
    return sections.stream().filter(section -> !section.retired()).toList();
  }

  /** Every custom field of every section, retired ones included, in form order. */
  public List<FieldDefinition> fields() {
    List<FieldDefinition> all = new ArrayList<>();
    sections.forEach(section -> all.addAll(section.fields()));
    return all;
  }

  public Optional<FieldDefinition> field(String name) {
    return fields().stream().filter(field -> field.name().equals(name)).findFirst();
  }

  /** The section a custom field belongs to. */
  public Optional<SectionDefinition> sectionOf(String fieldName) {
    return sections.stream().filter(section -> section.field(fieldName).isPresent()).findFirst();
  }

  public boolean hasCustomFields() {
    return sections.stream().anyMatch(section -> !section.valueFields().isEmpty());
  }

  public FormDefinition withModules(List<Section> value) {
    return new FormDefinition(value, sections);
  }

  public FormDefinition withSections(List<SectionDefinition> value) {
    return new FormDefinition(modules, value);
  }
}
