package org.caseregistry.cases.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseImportResult;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.rules.SaveChecks;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;

/**
 * What an import finds in a merged case: the hard errors of the case rules, reported once per fact,
 * and the fields that change against what is stored (built-in and custom, list items by position).
 */
final class CaseImportChecks {

  private CaseImportChecks() {}

  /**
   * The hard errors of the whole case, as the forms would raise them section by section; a fact
   * that the forms report on either of two fields (dates out of order) is reported once.
   */
  static List<CaseImportResult.Problem> ruleErrors(int ref, CaseData data) {
    List<CaseImportResult.Problem> problems = new ArrayList<>();
    Set<String> facts = new HashSet<>();
    for (Section section : Section.values()) {
      if (section.isList()) {
        List<SectionValues> items = data.items(section);
        for (int i = 0; i < items.size(); i++) {
          for (FieldProblem problem : SaveChecks.errors(section, items.get(i), data)) {
            if (facts.add(section + "#" + i + factKey(problem))) {
              problems.add(
                  new CaseImportResult.Problem(
                      ref,
                      section,
                      i,
                      problem.variable(),
                      problem.messageKey(),
                      problem.arguments()));
            }
          }
        }
      } else if (data.singles().containsKey(section)) {
        for (FieldProblem problem : SaveChecks.errors(section, data.single(section), data)) {
          if (facts.add(factKey(problem))) {
            Section where = CaseVariables.get(problem.variable()).section();
            problems.add(
                new CaseImportResult.Problem(
                    ref,
                    where,
                    null,
                    problem.variable(),
                    problem.messageKey(),
                    problem.arguments()));
          }
        }
      }
    }
    return problems;
  }

  /** The variables a problem is about, whichever of them it is reported on. */
  private static String factKey(FieldProblem problem) {
    Set<String> variables = new TreeSet<>();
    variables.add(problem.variable());
    for (Object argument : problem.arguments()) {
      if (argument instanceof String name && CaseVariables.exists(name)) {
        variables.add(name);
      }
    }
    String kind =
        switch (problem.messageKey()) {
          case "error.date-before", "error.date-after" -> "date-order";
          case "error.born-after-operation" -> {
            variables.add("birth_year");
            variables.add("operation_date");
            yield "born-after-operation";
          }
          default -> problem.messageKey();
        };
    return kind + variables;
  }

  static List<String> changedFields(FormDefinition form, CaseData before, CaseData after) {
    List<String> changed = new ArrayList<>(changedFields(before, after));
    for (SectionDefinition section : form.sections()) {
      if (!section.repeating()) {
        for (CaseAuditLog.Entry entry :
            CaseAuditLog.diff(
                section,
                null,
                before.custom().singles().get(section.key()),
                after.custom().singles().get(section.key()),
                AuditAction.UPDATE,
                "")) {
          changed.add(entry.field());
        }
        continue;
      }
      List<SectionValues> old = before.custom().items(section.key());
      List<SectionValues> now = after.custom().items(section.key());
      for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
        SectionValues was = i < old.size() ? old.get(i) : null;
        SectionValues is = i < now.size() ? now.get(i) : null;
        for (CaseAuditLog.Entry entry :
            CaseAuditLog.diff(section, null, was, is, AuditAction.UPDATE, "")) {
          changed.add(entry.field() + " (" + section.key() + " " + (i + 1) + ")");
        }
      }
    }
    return List.copyOf(changed);
  }

  static List<String> changedFields(CaseData before, CaseData after) {
    Set<String> changed = new LinkedHashSet<>();
    for (Section section : Section.values()) {
      if (section.isList()) {
        List<SectionValues> old = before.items(section);
        List<SectionValues> now = after.items(section);
        for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
          SectionValues was = i < old.size() ? old.get(i) : null;
          SectionValues is = i < now.size() ? now.get(i) : null;
          for (CaseAuditLog.Entry entry :
              CaseAuditLog.diff(section, null, was, is, AuditAction.UPDATE, "")) {
            changed.add(entry.field() + " (" + section.slug() + " " + (i + 1) + ")");
          }
        }
      } else {
        for (CaseAuditLog.Entry entry :
            CaseAuditLog.diff(
                section,
                null,
                before.singles().get(section),
                after.singles().get(section),
                AuditAction.UPDATE,
                "")) {
          changed.add(entry.field());
        }
      }
    }
    return List.copyOf(changed);
  }
}
