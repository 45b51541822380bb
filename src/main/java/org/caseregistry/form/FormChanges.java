package org.caseregistry.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseregistry.catalog.Section;

/**
 * What changed between two versions of a form, as the history lists it, and which changes touch
 * stored values (so that the series module counts the cases they would orphan or reinterpret).
 */
public final class FormChanges {

  /** One change, as a message key with its arguments (names, codes). */
  public record Change(String messageKey, List<String> arguments) {
    Change(String messageKey, String... arguments) {
      this(messageKey, List.of(arguments));
    }
  }

  /** A change that would orphan or reinterpret stored values, if any are stored. */
  public sealed interface Risk {
    /** The field whose stored values are at stake. */
    String field();
  }

  /** The field disappears, or moves to another section, or changes its type or repetition. */
  public record FieldRemoved(String field, String messageKey) implements Risk {}

  /** Codes disappear from a choice field. */
  public record CodesRemoved(String field, List<String> codes) implements Risk {}

  /** Limits of a number or date field narrow (for text: max is the new longest length). */
  public record LimitsNarrowed(String field, FieldType type, String min, String max)
      implements Risk {}

  private FormChanges() {}

  public static List<Change> describe(FormDefinition before, FormDefinition after) {
    List<Change> changes = new ArrayList<>();
    for (Section module : Section.values()) {
      if (before.hasModule(module) != after.hasModule(module)) {
        changes.add(
            new Change(
                after.hasModule(module) ? "form.change.module-on" : "form.change.module-off",
                module.slug()));
      }
    }
    Map<String, SectionDefinition> oldSections = bySection(before);
    Map<String, SectionDefinition> newSections = bySection(after);
    for (SectionDefinition section : after.sections()) {
      SectionDefinition old = oldSections.get(section.key());
      if (old == null) {
        changes.add(new Change("form.change.section-added", section.key()));
      } else if (old.retired() != section.retired()) {
        changes.add(
            new Change(
                section.retired() ? "form.change.section-retired" : "form.change.section-restored",
                section.key()));
      } else if (!Objects.equals(old.labelEn(), section.labelEn())
          || !Objects.equals(old.labelVi(), section.labelVi())
          || old.repeating() != section.repeating()) {
        changes.add(new Change("form.change.section-edited", section.key()));
      }
    }
    for (SectionDefinition section : before.sections()) {
      if (!newSections.containsKey(section.key())) {
        changes.add(new Change("form.change.section-removed", section.key()));
      }
    }
    List<String> oldOrder = before.orderedKeys();
    List<String> newOrder = after.orderedKeys().stream().filter(oldOrder::contains).toList();
    if (!oldOrder.stream().filter(newOrder::contains).toList().equals(newOrder)) {
      changes.add(new Change("form.change.sections-reordered"));
    }
    Map<String, FieldDefinition> oldFields = byField(before);
    Map<String, FieldDefinition> newFields = byField(after);
    for (FieldDefinition field : after.fields()) {
      FieldDefinition old = oldFields.get(field.name());
      if (old == null) {
        changes.add(new Change("form.change.field-added", field.name()));
      } else if (old.retired() != field.retired()) {
        changes.add(
            new Change(
                field.retired() ? "form.change.field-retired" : "form.change.field-restored",
                field.name()));
      } else if (!old.equals(field)) {
        changes.add(new Change("form.change.field-edited", field.name()));
      }
    }
    for (FieldDefinition field : before.fields()) {
      if (!newFields.containsKey(field.name())) {
        changes.add(new Change("form.change.field-removed", field.name()));
      }
    }
    for (SectionDefinition section : after.sections()) {
      SectionDefinition old = oldSections.get(section.key());
      if (old != null) {
        List<String> kept =
            old.fields().stream()
                .map(FieldDefinition::name)
                .filter(name -> section.field(name).isPresent())
                .toList();
        List<String> now =
            section.fields().stream().map(FieldDefinition::name).filter(kept::contains).toList();
        if (!kept.equals(now)) {
          changes.add(new Change("form.change.fields-reordered", section.key()));
        }
      }
    }
    return changes;
  }

  /** The changes that matter for stored values: to be counted before the form is saved. */
  public static List<Risk> risks(FormDefinition before, FormDefinition after) {
    List<Risk> risks = new ArrayList<>();
    for (SectionDefinition oldSection : before.sections()) {
      for (FieldDefinition old : oldSection.valueFields()) {
        FieldDefinition now = after.field(old.name()).orElse(null);
        SectionDefinition newSection = after.sectionOf(old.name()).orElse(null);
        if (now == null) {
          risks.add(new FieldRemoved(old.name(), "form.refused.field-removed"));
          continue;
        }
        if (!newSection.key().equals(oldSection.key())
            || newSection.repeating() != oldSection.repeating()) {
          risks.add(new FieldRemoved(old.name(), "form.refused.field-moved"));
          continue;
        }
        if (old.type() != now.type() && !widens(old.type(), now.type())) {
          risks.add(new FieldRemoved(old.name(), "form.refused.type-changed"));
          continue;
        }
        List<String> lostCodes =
            old.choices().stream()
                .map(Choice::code)
                .filter(code -> now.type().hasChoices() && now.choice(code).isEmpty())
                .toList();
        if (!lostCodes.isEmpty()) {
          risks.add(new CodesRemoved(old.name(), lostCodes));
        }
        if (shorter(old, now)) {
          risks.add(
              new LimitsNarrowed(
                  now.name(), now.type(), null, String.valueOf(now.effectiveMaxLength())));
        } else if (!now.type().isText()
            && (narrows(old.min(), now.min(), true, now.type())
                || narrows(old.max(), now.max(), false, now.type()))) {
          risks.add(new LimitsNarrowed(now.name(), now.type(), now.min(), now.max()));
        }
      }
    }
    return risks;
  }

  /** Changes of type that keep every stored value valid and meaning the same. */
  static boolean widens(FieldType from, FieldType to) {
    return (from == FieldType.INTEGER && to == FieldType.DECIMAL)
        || (from == FieldType.TEXT && to == FieldType.LONG_TEXT)
        || (from == FieldType.DECIMAL && to == FieldType.CALCULATED)
        || (from == FieldType.CALCULATED && to == FieldType.DECIMAL);
  }

  private static boolean narrows(String old, String now, boolean lower, FieldType type) {
    if (now == null || now.isBlank()) {
      return false;
    }
    if (old == null || old.isBlank()) {
      return true;
    }
    int order;
    if (type == FieldType.DATE) {
      var a = FormRules.date(old);
      var b = FormRules.date(now);
      if (a == null || b == null) {
        return true;
      }
      order = b.compareTo(a);
    } else {
      var a = FormRules.number(old);
      var b = FormRules.number(now);
      if (a == null || b == null) {
        return true;
      }
      order = b.compareTo(a);
    }
    return lower ? order > 0 : order < 0;
  }

  private static boolean shorter(FieldDefinition old, FieldDefinition now) {
    return now.type().isText()
        && old.type().isText()
        && now.effectiveMaxLength() < old.effectiveMaxLength();
  }

  private static Map<String, SectionDefinition> bySection(FormDefinition form) {
    return form.sections().stream()
        .collect(Collectors.toMap(SectionDefinition::key, Function.identity(), (a, b) -> a));
  }

  private static Map<String, FieldDefinition> byField(FormDefinition form) {
    return form.fields().stream()
        .collect(Collectors.toMap(FieldDefinition::name, Function.identity(), (a, b) -> a));
  }
}
