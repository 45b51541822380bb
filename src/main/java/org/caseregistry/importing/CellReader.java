package org.caseregistry.importing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.cases.CustomData;
import org.caseregistry.cases.CustomSectionInput;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.cases.SectionInput;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;

/**
 * Reads the cells of one row into the values of a section, through the same parsing as the forms
 * ({@link SectionInput} for built-in sections, {@link CustomSectionInput} for custom ones): codes
 * or labels, reasons for missing values, numbers, dates, limits. Every problem is placed on its
 * cell.
 */
final class CellReader {

  /** Where the row is: its sheet's name as the file spells it, and the row's number. */
  record Place(String sheet, int row, Map<String, String> cells) {}

  private final CodeMatcher codes;

  CellReader(CodeMatcher codes) {
    this.codes = codes;
  }

  /** The values of one built-in section from a row's cells. */
  SectionValues read(Section section, Place place, List<ImportProblem> problems) {
    Map<String, String> texts = new HashMap<>();
    Map<String, String> missing = new HashMap<>();
    for (Variable variable : CaseVariables.of(section)) {
      String cell = place.cells().get(variable.name());
      if (cell == null || cell.isBlank()) {
        continue;
      }
      if (variable.isCoded()) {
        CodeMatcher.Match match = codes.match(variable, cell);
        if (match.isAmbiguous()) {
          problems.add(
              ImportProblem.of(
                  place.sheet(),
                  place.row(),
                  variable.name(),
                  cell,
                  "import.value.ambiguous",
                  String.join(", ", match.candidates()).replace("[", "").replace("]", "")));
        } else if (match.missing() != null) {
          missing.put(variable.name(), match.missing().name());
        } else {
          texts.put(variable.name(), match.code() != null ? match.code() : cell);
        }
        continue;
      }
      MissingReason reason = CaseFileFormat.missingReason(cell);
      if (reason != null) {
        missing.put(variable.name(), reason.name());
      } else {
        texts.put(variable.name(), cell);
      }
    }
    SectionInput.Result result = SectionInput.read(section, texts, missing, 0);
    placeAll(result.problems(), place, problems);
    return result.values();
  }

  /**
   * The values of the form's single custom sections from a row of the cases sheet. Sections without
   * a column in the file are left out, so that an update keeps what is stored.
   */
  static CustomData readSingles(FormDefinition form, Place place, List<ImportProblem> problems) {
    Map<String, SectionValues> sections = new LinkedHashMap<>();
    for (SectionDefinition section : form.sections()) {
      if (section.repeating()
          || section.valueFields().stream().noneMatch(f -> place.cells().containsKey(f.name()))) {
        continue;
      }
      sections.put(section.key(), readCustom(section, place, problems));
    }
    return new CustomData(sections, Map.of());
  }

  /**
   * The values of one custom section (a single section, or one item of a repeating one) from a
   * row's cells: a missing reason by name, check boxes as codes joined by "|" or ",".
   */
  static SectionValues readCustom(
      SectionDefinition section, Place place, List<ImportProblem> problems) {
    Map<String, String> texts = new HashMap<>();
    Map<String, String> missing = new HashMap<>();
    for (FieldDefinition field : section.valueFields()) {
      String cell = place.cells().get(field.name());
      if (cell == null || cell.isBlank()) {
        continue;
      }
      MissingReason reason = CaseFileFormat.missingReason(cell);
      if (reason != null) {
        missing.put(field.name(), reason.name());
      } else {
        texts.put(field.name(), cell.replace('|', ','));
      }
    }
    CustomSectionInput.Result result = CustomSectionInput.read(section, texts, missing, 0, null);
    placeAll(result.problems(), place, problems);
    return result.values();
  }

  private static void placeAll(
      List<FieldProblem> found, Place place, List<ImportProblem> problems) {
    for (FieldProblem problem : found) {
      problems.add(
          new ImportProblem(
              place.sheet(),
              place.row(),
              problem.variable(),
              place.cells().getOrDefault(problem.variable(), ""),
              problem.messageKey(),
              problem.arguments()));
    }
  }
}
