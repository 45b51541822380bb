package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.importing.CaseFileFormat.Sheet;

/**
 * Judges the header row of a sheet: which columns it has, by name. Unknown, misplaced, duplicate
 * and blank-named columns are problems; derived columns are noted and ignored; a sheet without its
 * required columns cannot be read.
 */
final class SheetHeaders {

  private SheetHeaders() {}

  /** The columns of a built-in sheet by name, or null when the sheet cannot be read. */
  static Map<String, Integer> of(
      Sheet sheet,
      SpooledFile.SpooledSheet raw,
      FormDefinition form,
      List<ImportProblem> problems,
      List<ImportNote> notes) {
    List<String> required =
        sheet == Sheet.CASES
            ? List.of(CaseFileFormat.STUDY_CODE, CaseFileFormat.SITE_CODE)
            : List.of(CaseFileFormat.STUDY_CODE);
    return judge(
        sheet,
        raw,
        form,
        new LinkedHashSet<>(CaseFileFormat.columns(sheet, true, form)),
        required,
        problems,
        notes);
  }

  /** The columns of a repeating custom section's sheet by name, or null when unreadable. */
  static Map<String, Integer> of(
      SectionDefinition section,
      SpooledFile.SpooledSheet raw,
      FormDefinition form,
      List<ImportProblem> problems,
      List<ImportNote> notes) {
    return judge(
        null,
        raw,
        form,
        new LinkedHashSet<>(CustomSheets.columns(section, true)),
        List.of(CaseFileFormat.STUDY_CODE),
        problems,
        notes);
  }

  private static Map<String, Integer> judge(
      Sheet sheet,
      SpooledFile.SpooledSheet raw,
      FormDefinition form,
      Set<String> expected,
      List<String> required,
      List<ImportProblem> problems,
      List<ImportNote> notes) {
    Map<String, Integer> header = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();
    for (int column = 0; column < raw.header().size(); column++) {
      String given = raw.header().get(column) == null ? "" : raw.header().get(column);
      String name = given.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        if (raw.holdsValues(column)) {
          problems.add(
              ImportProblem.of(raw.name(), 1, columnLetter(column), given, "import.column.blank"));
        }
      } else if (header.containsKey(name)) {
        problems.add(ImportProblem.of(raw.name(), 1, name, given, "import.column.duplicate"));
      } else if (expected.contains(name)) {
        header.put(name, column);
      } else if (CaseFileFormat.DERIVED_COLUMNS.contains(name)) {
        ignored.add(name);
      } else if (CaseVariables.exists(name) && !form.hasModule(CaseVariables.get(name).section())) {
        problems.add(ImportProblem.of(raw.name(), 1, name, given, "import.column.not-in-form"));
      } else if (homeSheet(name, form) != null) {
        problems.add(
            ImportProblem.of(
                raw.name(), 1, name, given, "import.column.wrong-sheet", homeSheet(name, form)));
      } else if (sheet != Sheet.CASES && name.equals(CaseFileFormat.SITE_CODE)) {
        ignored.add(name);
      } else {
        problems.add(ImportProblem.of(raw.name(), 1, name, given, "import.column.unknown"));
      }
    }
    if (!ignored.isEmpty()) {
      notes.add(
          ImportNote.of(raw.name(), "import.note.derived-ignored", String.join(", ", ignored)));
    }
    boolean readable = true;
    for (String column : required) {
      if (!header.containsKey(column)) {
        problems.add(ImportProblem.of(raw.name(), 1, column, null, "import.column.missing"));
        readable = false;
      }
    }
    return readable ? header : null;
  }

  /** The sheet a column of the form belongs in, or null when the form has no such column. */
  private static String homeSheet(String name, FormDefinition form) {
    if (CaseVariables.exists(name)) {
      return Sheet.of(CaseVariables.get(name).section()).sheetName();
    }
    return form.sectionOf(name)
        .map(
            section ->
                section.repeating() ? CustomSheets.sheetName(section) : Sheet.CASES.sheetName())
        .orElse(null);
  }

  /** "A", "B", … "AA": where a column without a name is. */
  static String columnLetter(int column) {
    return CellReference.convertNumToColString(column);
  }
}
