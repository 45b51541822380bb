package org.caseregistry.cases.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.ValueParser;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;

/**
 * A save that met someone else's save: field by field, what the form started from, what was typed
 * and what the other person saved, for every field where the typed and the saved value differ. The
 * form then continues against the new version, so that one further save ends the conflict.
 */
final class SectionConflicts {

  /**
   * One differing field; the texts are as a form holds them (value text, or empty with a reason).
   *
   * @param takeTheirs the choice offered first: theirs when the field was not touched in this form
   */
  record Field(
      Variable variable,
      String before,
      String beforeReason,
      String yours,
      String yourReason,
      String theirs,
      String theirReason,
      boolean takeTheirs) {}

  private SectionConflicts() {}

  /** The differing fields of one section between the form and what is stored now. */
  static List<Field> between(Section section, SectionForm form, SectionValues stored) {
    List<Field> fields = new ArrayList<>();
    for (Variable variable : CaseVariables.of(section)) {
      String name = variable.name();
      String yours = blankToEmpty(form.getValues().get(name));
      String yourReason = yours.isEmpty() ? blankToEmpty(form.getMissing().get(name)) : "";
      String theirs = ValueParser.format(stored.get(name));
      MissingReason reason = stored.missing().get(name);
      String theirReason = reason == null || !theirs.isEmpty() ? "" : reason.name();
      String before = blankToEmpty(form.getBefore().get(name));
      String beforeReason = before.isEmpty() ? blankToEmpty(form.getBeforeMissing().get(name)) : "";
      if (same(variable, yours, yourReason, theirs, theirReason)) {
        continue;
      }
      boolean untouched = same(variable, yours, yourReason, before, beforeReason);
      fields.add(
          new Field(
              variable, before, beforeReason, yours, yourReason, theirs, theirReason, untouched));
    }
    return fields;
  }

  /** Replaces the fields resolved as "theirs" with what is stored now. */
  static void takeTheirs(Section section, SectionForm form, SectionValues stored) {
    for (Variable variable : CaseVariables.of(section)) {
      if (!SectionForm.THEIRS.equals(form.getResolve().get(variable.name()))) {
        continue;
      }
      MissingReason reason = stored.missing().get(variable.name());
      form.getValues().put(variable.name(), ValueParser.format(stored.get(variable.name())));
      form.getMissing().put(variable.name(), reason == null ? "" : reason.name());
    }
  }

  private static boolean same(
      Variable variable, String text, String reason, String otherText, String otherReason) {
    if (text.isEmpty() && otherText.isEmpty()) {
      return reason.equals(otherReason);
    }
    ValueParser.Parsed one = ValueParser.parse(variable, text);
    ValueParser.Parsed other = ValueParser.parse(variable, otherText);
    if (one.isError() || other.isError()) {
      return text.strip().equals(otherText.strip());
    }
    if (one.value() instanceof BigDecimal a && other.value() instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    return Objects.equals(one.value(), other.value());
  }

  private static String blankToEmpty(String text) {
    return text == null ? "" : text;
  }
}
