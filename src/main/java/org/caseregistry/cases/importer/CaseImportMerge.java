package org.caseregistry.cases.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseImport;
import org.caseregistry.cases.CustomData;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.rules.CustomRules;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEvaluator;
import org.caseregistry.form.SectionDefinition;

/**
 * The case as an import will leave it: what is stored, with every column the file has put over it.
 * List items (built-in lists and repeating custom sections alike) are matched by position; a list
 * sheet in the file replaces the list, a list without a sheet keeps what is stored. Custom sections
 * are then branched and calculated as a form save would.
 */
final class CaseImportMerge {

  private CaseImportMerge() {}

  /** What the request names as present in the file. */
  record Present(Set<String> columns, Set<Section> listSections, Set<String> customLists) {

    static Present of(CaseImport.Request request) {
      return new Present(request.columns(), request.listSections(), request.customLists());
    }
  }

  static CaseData merge(FormDefinition form, CaseData stored, CaseData file, Present present) {
    CaseData merged = merge(stored, file, present.columns(), present.listSections());
    if (form.sections().isEmpty()) {
      return merged;
    }
    CustomData custom = stored.custom();
    FormEvaluator evaluator = CustomRules.evaluator(form, merged.withCustom(custom));
    for (SectionDefinition section : form.sections()) {
      if (section.repeating()) {
        if (present.customLists().contains(section.key())) {
          List<SectionValues> base = stored.custom().items(section.key());
          List<SectionValues> given = file.custom().items(section.key());
          List<SectionValues> items = new ArrayList<>(given.size());
          for (int i = 0; i < given.size(); i++) {
            SectionValues was = i < base.size() ? base.get(i) : null;
            items.add(overlay(section, was, given.get(i), present.columns(), evaluator));
          }
          custom = custom.withItems(section.key(), items);
        }
        continue;
      }
      SectionValues base = stored.custom().singles().get(section.key());
      SectionValues given = file.custom().singles().get(section.key());
      if (given == null && base == null) {
        continue;
      }
      custom =
          custom.with(section.key(), overlay(section, base, given, present.columns(), evaluator));
    }
    return merged.withCustom(custom);
  }

  /** A custom section or item: the file's value where it has the column, else the stored one. */
  private static SectionValues overlay(
      SectionDefinition section,
      SectionValues base,
      SectionValues given,
      Set<String> columns,
      FormEvaluator evaluator) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, MissingReason> missing = new LinkedHashMap<>();
    for (FieldDefinition field : section.valueFields()) {
      SectionValues source =
          columns.contains(field.name()) && given != null && !field.retired() ? given : base;
      values.put(field.name(), source == null ? null : source.get(field.name()));
      MissingReason reason = source == null ? null : source.missing().get(field.name());
      if (reason != null) {
        missing.put(field.name(), reason);
      }
    }
    FormEvaluator.Applied applied = evaluator.apply(section, values, missing);
    return new SectionValues(
        base == null ? null : base.itemId(),
        base == null ? 0 : base.version(),
        applied.values(),
        applied.missing());
  }

  static CaseData merge(
      CaseData stored, CaseData file, Set<String> columns, Set<Section> listSections) {
    Map<Section, SectionValues> singles = new EnumMap<>(Section.class);
    Map<Section, List<SectionValues>> lists = new EnumMap<>(Section.class);
    for (Section section : Section.values()) {
      if (!section.isList()) {
        SectionValues base = stored.singles().get(section);
        SectionValues merged = overlay(section, base, file.single(section), columns);
        if (base != null || merged.hasAnyValue()) {
          singles.put(section, merged);
        }
      } else if (!listSections.contains(section)) {
        lists.put(section, stored.items(section));
      } else {
        List<SectionValues> base = stored.items(section);
        List<SectionValues> fileItems = file.items(section);
        List<SectionValues> merged = new ArrayList<>();
        for (int i = 0; i < fileItems.size(); i++) {
          merged.add(
              overlay(section, i < base.size() ? base.get(i) : null, fileItems.get(i), columns));
        }
        lists.put(section, List.copyOf(merged));
      }
    }
    return new CaseData(singles, lists);
  }

  private static SectionValues overlay(
      Section section, SectionValues base, SectionValues file, Set<String> columns) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, MissingReason> missing = new LinkedHashMap<>();
    for (Variable variable : CaseVariables.of(section)) {
      String name = variable.name();
      SectionValues source = columns.contains(name) ? file : base;
      values.put(name, source == null ? null : source.get(name));
      MissingReason reason = source == null ? null : source.missing().get(name);
      if (reason != null) {
        missing.put(name, reason);
      }
    }
    return new SectionValues(
        base == null ? null : base.itemId(), base == null ? 0 : base.version(), values, missing);
  }
}
