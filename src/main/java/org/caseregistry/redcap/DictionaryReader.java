package org.caseregistry.redcap;

import static org.caseregistry.redcap.DictionaryColumns.FIELD_NAME;
import static org.caseregistry.redcap.DictionaryColumns.FORM_NAME;
import static org.caseregistry.redcap.DictionaryProblem.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.redcap.DictionaryProblem.Severity;
import org.caseregistry.redcap.DictionaryRowReader.Taken;
import org.caseregistry.redcap.RedcapCsv.Line;

/**
 * Reads a REDCap data dictionary into a form, as a dry run: every row that cannot be taken as it is
 * gets a {@link DictionaryProblem} with its line number and reason, and nothing is left out without
 * one. Writing the form back with {@link DictionaryWriter} gives the same file for every row taken
 * as it is. Each custom field's row is read by {@link DictionaryRowReader}; the rows are checked
 * together by {@link DictionaryFormCheck}.
 */
public final class DictionaryReader {

  public DictionaryReading read(byte[] bytes) {
    return new Run().read(RedcapCsv.parse(bytes));
  }

  /** The state of one reading. */
  private final class Run {
    private final List<DictionaryProblem> problems = new ArrayList<>();
    private final List<Taken> taken = new ArrayList<>();
    private final Map<String, Map<String, String>> sectionEntries = new LinkedHashMap<>();
    private final Map<String, List<Line>> moduleRows = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();
    private final List<String> formOrder = new ArrayList<>();

    private final DictionaryRowReader rows =
        new DictionaryRowReader(problems, taken, sectionEntries, names);
    private final DictionaryFormCheck check = new DictionaryFormCheck(problems, taken, moduleRows);

    DictionaryReading read(List<Line> lines) {
      if (lines.isEmpty() || !isHeading(lines.get(0))) {
        problems.add(problem(1, "", Severity.REFUSED, "not_a_dictionary"));
        return new DictionaryReading(
            new FormDefinition(List.of(), List.of()), problems, "", 0, Map.of());
      }
      String recordId = "";
      int rowCount = 0;
      for (Line line : lines.subList(1, lines.size())) {
        if (line.blank()) {
          continue;
        }
        rowCount++;
        String name = line.cell(FIELD_NAME).strip();
        if (line.cells().stream().anyMatch(DictionaryReader::hasControlCharacters)) {
          problems.add(problem(line.number(), name, Severity.REFUSED, "control_characters"));
          continue;
        }
        String form = line.cell(FORM_NAME).strip();
        if (!DictionaryRowReader.validName(name)) {
          problems.add(problem(line.number(), name, Severity.REFUSED, "field_name_invalid", name));
          continue;
        }
        if (!DictionaryRowReader.validName(form)) {
          problems.add(problem(line.number(), name, Severity.REFUSED, "form_name_invalid", form));
          continue;
        }
        if (!names.add(name)) {
          problems.add(problem(line.number(), name, Severity.REFUSED, "field_name_duplicate"));
          continue;
        }
        if (!formOrder.contains(form)) {
          formOrder.add(form);
        }
        if (recordId.isEmpty()) {
          recordId = name;
          if (!DictionaryColumns.RECORD_ID.equals(name)) {
            problems.add(problem(line.number(), name, Severity.CHANGED, "record_id_renamed"));
          }
          continue;
        }
        if (BuiltInModuleFields.moduleNamed(form) != null) {
          moduleRows.computeIfAbsent(form, key -> new ArrayList<>()).add(line);
          continue;
        }
        if (CaseVariables.exists(name)) {
          problems.add(problem(line.number(), name, Severity.REFUSED, "builtin_clash"));
          continue;
        }
        rows.read(line, name, form);
      }
      List<Section> modules = check.modules();
      check.checkExpressions(modules);
      FormDefinition form = FormDefinition.ordered(modules, sections(), formOrder);
      check.formRules(form);
      problems.sort(
          Comparator.comparingInt(DictionaryProblem::row).thenComparing(DictionaryProblem::field));
      Map<String, Integer> rowOf = new HashMap<>();
      taken.forEach(t -> rowOf.putIfAbsent(t.field().name(), t.row()));
      moduleRows.forEach((slug, formLines) -> rowOf.put(slug, formLines.get(0).number()));
      return new DictionaryReading(form, problems, recordId, rowCount, rowOf);
    }

    private boolean isHeading(Line line) {
      return line.cell(FIELD_NAME).strip().equalsIgnoreCase(DictionaryColumns.HEADINGS.get(0))
          && line.cells().size() >= DictionaryColumns.HEADINGS.size() - 2;
    }

    private List<SectionDefinition> sections() {
      Map<String, List<FieldDefinition>> byForm = new LinkedHashMap<>();
      formOrder.forEach(
          form -> {
            if (BuiltInModuleFields.moduleNamed(form) == null) {
              byForm.put(form, new ArrayList<>());
            }
          });
      taken.forEach(t -> byForm.get(t.form()).add(t.field()));
      List<SectionDefinition> sections = new ArrayList<>();
      byForm.forEach(
          (form, fields) -> {
            if (fields.isEmpty()) {
              return;
            }
            Map<String, String> entries = sectionEntries.getOrDefault(form, Map.of());
            String label =
                entries.getOrDefault(
                    RegistryAnnotation.SECTION_LABEL, DictionaryWriter.label(form));
            sections.add(
                new SectionDefinition(
                    form,
                    label,
                    entries.get(RegistryAnnotation.SECTION_LABEL_VI),
                    entries.containsKey(RegistryAnnotation.SECTION_REPEATING),
                    entries.containsKey(RegistryAnnotation.SECTION_RETIRED),
                    fields));
          });
      return sections;
    }
  }

  /** Characters no label or expression holds (and PostgreSQL's JSON cannot store: NUL). */
  private static boolean hasControlCharacters(String cell) {
    return cell.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
  }
}
