package org.caseregistry.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.caseregistry.catalog.Section;

/**
 * What a series asks of each case: the built-in modules it switches on (with their own variables
 * and clinical rules) and its custom sections, and the order of both in one list ({@code order}:
 * module slugs and section keys). Versions saved before forms had an order have none: their modules
 * come first, then their custom sections. {@code modules} is always in catalog order and {@code
 * sections} always in form order.
 */
public record FormDefinition(
    List<Section> modules, List<SectionDefinition> sections, List<String> order) {

  public FormDefinition {
    modules =
        modules == null
            ? List.of()
            : Arrays.stream(Section.values()).filter(modules::contains).toList();
    sections = sections == null ? List.of() : List.copyOf(sections);
    if (order != null) {
      order = FormOrder.whole(order, modules, sections);
      sections = List.copyOf(FormOrder.sorted(sections, order));
    }
  }

  /** A form without an order of its own: modules first, then custom sections in this order. */
  public FormDefinition(List<Section> modules, List<SectionDefinition> sections) {
    this(modules, sections, null);
  }

  /**
   * A form in the order given (module slugs and section keys), or a form without an order of its
   * own when that order is the one it would have anyway (modules first).
   */
  public static FormDefinition ordered(
      List<Section> modules, List<SectionDefinition> sections, List<String> order) {
    FormDefinition plain = new FormDefinition(modules, sections);
    FormDefinition ordered = plain.withOrder(order);
    return ordered.orderedKeys().equals(plain.orderedKeys()) ? plain : ordered;
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

  /** Module slugs and section keys in form order, whether or not the form has an order. */
  public List<String> orderedKeys() {
    return order != null ? order : FormOrder.whole(List.of(), modules, sections);
  }

  /** Every module and custom section, retired sections included, in form order. */
  public List<FormPart> parts() {
    List<FormPart> parts = new ArrayList<>();
    for (String key : orderedKeys()) {
      Section module = Section.fromSlug(key);
      if (module != null && hasModule(module)) {
        parts.add(FormPart.of(module));
      } else {
        section(key).map(FormPart::of).ifPresent(parts::add);
      }
    }
    return parts;
  }

  /** The modules and the custom sections offered for entry, in form order. */
  public List<FormPart> activeParts() {
    return parts().stream().filter(part -> part.isBuiltIn() || !part.section().retired()).toList();
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
    return new FormDefinition(value, sections, order);
  }

  public FormDefinition withSections(List<SectionDefinition> value) {
    return new FormDefinition(modules, value, order);
  }

  public FormDefinition withOrder(List<String> value) {
    return new FormDefinition(modules, sections, value);
  }
}
