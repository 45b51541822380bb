package org.caseregistry.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.cases.CaseValueCounts;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;

/**
 * Where the kept counts of a custom summary variable are (its single section's field, V58: per key
 * of the JSON and kind of JSON value, whatever the form) and how they read, by the field's current
 * type, as the pass over the cases reads the JSON ({@link CustomFieldSql}).
 *
 * @param code the check-box code, for a {@link Reading#TICKED} variable; else null
 */
record CustomCounted(String section, String field, Reading reading, String code) {

  /** How a field's type reads its JSON, and the kinds of kept value it reads as the pass does. */
  enum Reading {
    /** Whole number, decimal, calculation: {@code cast(value as numeric)}. */
    NUMBER(Set.of("number", "null", "reason")),
    /** Single choice, yes/no: the value as text ({@code ->>}). */
    CODE(Set.of("string", "number", "boolean", "null", "reason")),
    /** One check-box code: ticked (in the array), no (an answered array without it), missing. */
    TICKED(Set.of("array", "code", "null", "reason"));

    private final Set<String> kinds;

    Reading(Set<String> kinds) {
      this.kinds = kinds;
    }
  }

  /** The counts of a field of a single section, or null for a type the summary does not read. */
  static CustomCounted of(String section, FieldDefinition field, String code) {
    Reading reading;
    if (field.type().isNumeric()) {
      reading = Reading.NUMBER;
    } else if (field.type() == FieldType.SINGLE_CHOICE || field.type() == FieldType.YES_NO) {
      reading = Reading.CODE;
    } else if (field.type() == FieldType.MULTIPLE_CHOICE) {
      reading = Reading.TICKED;
    } else {
      return null;
    }
    return new CustomCounted(section, field.name(), reading, code);
  }

  CaseValueCounts.CustomField key() {
    return new CaseValueCounts.CustomField(section, field);
  }

  /**
   * Whether the pass reads a kept kind as the counts are read here; any other (a value the
   * application does not write for this type) leaves the summary to the pass.
   */
  boolean reads(String kind) {
    return reading.kinds.contains(kind);
  }

  /**
   * The counts of the variable {@code name} per site, as the pass counts its values (or codes) and
   * missing reasons, from the kept counts of its field (of every site, every kind read).
   */
  List<CaseValueCounts.Count> counts(String name, List<CaseValueCounts.CustomCount> kept) {
    List<CaseValueCounts.Count> counts = new ArrayList<>();
    if (reading != Reading.TICKED) {
      for (CaseValueCounts.CustomCount count : kept) {
        counts.add(
            new CaseValueCounts.Count(
                count.siteCode(), name, count.value(), count.reason(), count.n()));
      }
      return counts;
    }
    // Ticked ("1") and answered without the code ("0") per site; unanswered by missing reason.
    Map<String, long[]> answeredTicked = new LinkedHashMap<>();
    for (CaseValueCounts.CustomCount count : kept) {
      switch (count.kind()) {
        case "code" -> {
          if (code.equals(count.value())) {
            answeredTicked.computeIfAbsent(count.siteCode(), site -> new long[2])[1] += count.n();
          }
        }
        case "reason" ->
            counts.add(
                new CaseValueCounts.Count(count.siteCode(), name, null, count.reason(), count.n()));
        default ->
            answeredTicked.computeIfAbsent(count.siteCode(), site -> new long[2])[0] += count.n();
      }
    }
    answeredTicked.forEach(
        (site, n) -> {
          if (n[1] > 0) {
            counts.add(new CaseValueCounts.Count(site, name, "1", null, n[1]));
          }
          if (n[0] - n[1] > 0) {
            counts.add(new CaseValueCounts.Count(site, name, "0", null, n[0] - n[1]));
          }
        });
    return counts;
  }
}
