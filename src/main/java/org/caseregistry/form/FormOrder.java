package org.caseregistry.form;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.caseregistry.catalog.Section;

/**
 * The order of a form's parts, as keys (module slugs and custom section keys), made whole: keys of
 * parts the form no longer has are dropped, each part appears once, the modules keep the catalog's
 * order among themselves (their places in the list are kept, their clinical sequence is not up to
 * the form), a module switched on later slots in after the module before it in the catalog, and a
 * custom section not yet placed goes last. Without an order, the modules come first and then the
 * custom sections, as before forms had one.
 */
final class FormOrder {

  private FormOrder() {}

  static List<String> whole(
      List<String> given, List<Section> modules, List<SectionDefinition> sections) {
    Set<String> known = new LinkedHashSet<>();
    modules.forEach(module -> known.add(module.slug()));
    sections.forEach(section -> known.add(section.key()));
    List<String> order = new ArrayList<>(new LinkedHashSet<>(given));
    order.retainAll(known);
    for (Section module : modules) {
      if (!order.contains(module.slug())) {
        order.add(slotOf(module, order), module.slug());
      }
    }
    sortModulesInPlace(order, modules);
    for (SectionDefinition section : sections) {
      if (!order.contains(section.key())) {
        order.add(section.key());
      }
    }
    return List.copyOf(order);
  }

  /** Right after the last module placed that comes before it in the catalog, else first. */
  private static int slotOf(Section module, List<String> order) {
    int slot = 0;
    for (int i = 0; i < order.size(); i++) {
      Section placed = Section.fromSlug(order.get(i));
      if (placed != null && placed.compareTo(module) < 0) {
        slot = i + 1;
      }
    }
    return slot;
  }

  private static void sortModulesInPlace(List<String> order, Collection<Section> modules) {
    List<String> sorted =
        modules.stream().sorted().map(Section::slug).filter(order::contains).toList();
    int next = 0;
    for (int i = 0; i < order.size(); i++) {
      if (modules.contains(Section.fromSlug(order.get(i)))) {
        order.set(i, sorted.get(next++));
      }
    }
  }

  /** The custom sections in the order's sequence. */
  static List<SectionDefinition> sorted(List<SectionDefinition> sections, List<String> order) {
    List<SectionDefinition> sorted = new ArrayList<>(sections);
    sorted.sort((a, b) -> Integer.compare(order.indexOf(a.key()), order.indexOf(b.key())));
    return sorted;
  }

  /** Moves the part of that key one place up (-1) or down (+1) in the whole list. */
  static List<String> move(List<String> order, String key, int step) {
    List<String> moved = new ArrayList<>(order);
    int index = moved.indexOf(key);
    int to = index + Integer.signum(step);
    if (index < 0 || to < 0 || to >= moved.size() || to == index) {
      return order;
    }
    moved.set(index, moved.get(to));
    moved.set(to, key);
    return moved;
  }
}
