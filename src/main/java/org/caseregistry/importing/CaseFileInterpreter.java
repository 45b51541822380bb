package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.util.CellReference;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseImport;
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
import org.caseregistry.importing.CaseFileFormat.Sheet;

/**
 * Turns raw sheets into cases: checks sheets and columns, reads every cell through the catalog
 * (codes or labels, reasons for missing values, numbers, dates) with {@link SectionInput}, and
 * attaches list rows to their cases. Reports every problem with its sheet, row, column and value;
 * what needs the database (study codes already taken, sites, the case rules on the merged case) is
 * judged afterwards by the case service.
 */
final class CaseFileInterpreter {

  /** Where a case came from in the file, to place the problems found later. */
  record CaseRows(int row, Map<String, String> cells, Map<Section, List<ItemRow>> items) {}

  record ItemRow(int row, Map<String, String> cells) {}

  record Interpretation(
      List<CaseImport> cases,
      List<CaseRows> rows,
      Set<String> columns,
      Set<Section> listSections,
      List<ImportProblem> problems,
      List<ImportNote> notes,
      Map<Sheet, Integer> rowCounts,
      Map<Sheet, String> sheetNames) {

    /** The sheet's name as the file spells it ("cases.csv", "Cases"), else the format's name. */
    String sheetName(Sheet sheet) {
      return sheetNames.getOrDefault(sheet, sheet.sheetName());
    }
  }

  private final CodeMatcher codes;

  CaseFileInterpreter(CodeMatcher codes) {
    this.codes = codes;
  }

  Interpretation interpret(List<RawSheet> rawSheets, FormDefinition form) {
    List<ImportProblem> problems = new ArrayList<>();
    List<ImportNote> notes = new ArrayList<>();
    Map<Sheet, RawSheet> sheets = new EnumMap<>(Sheet.class);
    for (RawSheet raw : rawSheets) {
      Sheet sheet = Sheet.named(raw.name());
      if (sheet == null) {
        problems.add(ImportProblem.of(raw.name(), null, null, null, "import.sheet.unknown"));
      } else if (sheets.containsKey(sheet)) {
        problems.add(ImportProblem.of(raw.name(), null, null, null, "import.sheet.duplicate"));
      } else if (sheet == Sheet.CODEBOOK) {
        notes.add(ImportNote.of(raw.name(), "import.note.codebook-ignored"));
        sheets.put(sheet, raw);
      } else {
        sheets.put(sheet, raw);
      }
    }
    Map<Sheet, Integer> rowCounts = new EnumMap<>(Sheet.class);
    Map<Sheet, String> sheetNames = new EnumMap<>(Sheet.class);
    sheets.forEach((sheet, raw) -> sheetNames.put(sheet, raw.name()));
    sheets.forEach(
        (sheet, raw) -> {
          if (sheet.holdsData()) {
            rowCounts.put(sheet, raw.rows().size());
          }
        });
    List<CaseImport> cases = new ArrayList<>();
    List<CaseRows> caseRows = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    Set<Section> listSections = new LinkedHashSet<>();
    RawSheet casesSheet = sheets.get(Sheet.CASES);
    if (casesSheet == null) {
      problems.add(ImportProblem.of(null, null, null, null, "import.sheet.cases-missing"));
      return new Interpretation(
          cases, caseRows, columns, listSections, problems, notes, rowCounts, sheetNames);
    }
    Map<Sheet, Map<String, Integer>> headers = new EnumMap<>(Sheet.class);
    for (Map.Entry<Sheet, RawSheet> entry : sheets.entrySet()) {
      if (entry.getKey().holdsData()) {
        Map<String, Integer> header =
            header(entry.getKey(), entry.getValue(), form, problems, notes);
        if (header != null) {
          headers.put(entry.getKey(), header);
          header.keySet().stream()
              .filter(name -> CaseVariables.exists(name) || form.field(name).isPresent())
              .forEach(columns::add);
          if (entry.getKey().section() != null) {
            listSections.add(entry.getKey().section());
          }
        }
      }
    }
    Map<String, Integer> casesHeader = headers.get(Sheet.CASES);
    if (casesHeader == null) {
      return new Interpretation(
          cases, caseRows, columns, listSections, problems, notes, rowCounts, sheetNames);
    }

    // The cases sheet: one case per row.
    Map<String, Integer> refByCode = new HashMap<>();
    Map<String, Integer> firstRow = new HashMap<>();
    List<Map<Section, SectionValues>> singles = new ArrayList<>();
    List<CustomData> customs = new ArrayList<>();
    for (RawSheet.Row row : casesSheet.rows()) {
      String studyCode = row.cell(casesHeader.get(CaseFileFormat.STUDY_CODE)).strip();
      String key = studyCode.toLowerCase(Locale.ROOT);
      if (studyCode.isEmpty()) {
        problems.add(
            ImportProblem.of(
                casesSheet.name(),
                row.number(),
                CaseFileFormat.STUDY_CODE,
                "",
                "import.study-code.required"));
        continue;
      }
      if (firstRow.containsKey(key)) {
        problems.add(
            ImportProblem.of(
                casesSheet.name(),
                row.number(),
                CaseFileFormat.STUDY_CODE,
                studyCode,
                "import.study-code.duplicate",
                firstRow.get(key)));
        continue;
      }
      firstRow.put(key, row.number());
      Map<String, String> cells = cells(casesHeader, row);
      Map<Section, SectionValues> values = new EnumMap<>(Section.class);
      for (Section section : Section.values()) {
        if (!section.isList()) {
          values.put(section, read(section, cells, casesSheet.name(), row.number(), problems));
        }
      }
      refByCode.put(key, cases.size());
      singles.add(values);
      customs.add(readCustom(form, cells, casesSheet.name(), row.number(), problems));
      caseRows.add(new CaseRows(row.number(), cells, new EnumMap<>(Section.class)));
      cases.add(null);
    }

    // The list sheets: each row an item of the case with its study code, in row order.
    List<Map<Section, List<SectionValues>>> lists = new ArrayList<>();
    for (int i = 0; i < caseRows.size(); i++) {
      lists.add(new EnumMap<>(Section.class));
    }
    for (Sheet sheet : Sheet.values()) {
      Map<String, Integer> header = headers.get(sheet);
      if (sheet.section() == null || header == null) {
        continue;
      }
      RawSheet raw = sheets.get(sheet);
      int onlyStudyCode = 0;
      for (RawSheet.Row row : raw.rows()) {
        String studyCode = row.cell(header.get(CaseFileFormat.STUDY_CODE)).strip();
        Integer ref = refByCode.get(studyCode.toLowerCase(Locale.ROOT));
        Map<String, String> cells = cells(header, row);
        boolean empty =
            cells.entrySet().stream()
                .filter(cell -> !cell.getKey().equals(CaseFileFormat.STUDY_CODE))
                .allMatch(cell -> cell.getValue().isBlank());
        if (empty) {
          onlyStudyCode++;
          continue;
        }
        if (ref == null) {
          problems.add(
              ImportProblem.of(
                  raw.name(),
                  row.number(),
                  CaseFileFormat.STUDY_CODE,
                  studyCode,
                  studyCode.isEmpty() ? "import.study-code.required" : "import.list.unknown-case"));
          continue;
        }
        SectionValues item = read(sheet.section(), cells, raw.name(), row.number(), problems);
        lists.get(ref).computeIfAbsent(sheet.section(), s -> new ArrayList<>()).add(item);
        caseRows
            .get(ref)
            .items()
            .computeIfAbsent(sheet.section(), s -> new ArrayList<>())
            .add(new ItemRow(row.number(), cells));
      }
      if (onlyStudyCode > 0) {
        notes.add(ImportNote.of(raw.name(), "import.note.rows-without-values", onlyStudyCode));
      }
    }

    for (int ref = 0; ref < caseRows.size(); ref++) {
      CaseRows rows = caseRows.get(ref);
      cases.set(
          ref,
          new CaseImport(
              ref,
              rows.cells().get(CaseFileFormat.STUDY_CODE).strip(),
              rows.cells().getOrDefault(CaseFileFormat.SITE_CODE, ""),
              new CaseData(singles.get(ref), lists.get(ref), customs.get(ref))));
    }
    return new Interpretation(
        cases, caseRows, columns, listSections, problems, notes, rowCounts, sheetNames);
  }

  /**
   * The columns of a sheet by name, or null when the sheet cannot be read (a required column is
   * missing). Unknown, misplaced, duplicate and blank-named columns are problems; derived columns
   * are noted and ignored.
   */
  private static Map<String, Integer> header(
      Sheet sheet,
      RawSheet raw,
      FormDefinition form,
      List<ImportProblem> problems,
      List<ImportNote> notes) {
    Set<String> expected = new LinkedHashSet<>(CaseFileFormat.columns(sheet, true, form));
    Map<String, Integer> header = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();
    for (int column = 0; column < raw.header().size(); column++) {
      String given = raw.header().get(column) == null ? "" : raw.header().get(column);
      String name = given.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        final int index = column;
        if (raw.rows().stream().anyMatch(row -> !row.cell(index).isBlank())) {
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
      } else if (CaseVariables.exists(name)) {
        problems.add(
            ImportProblem.of(
                raw.name(),
                1,
                name,
                given,
                "import.column.wrong-sheet",
                Sheet.of(CaseVariables.get(name).section()).sheetName()));
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
    List<String> required =
        sheet == Sheet.CASES
            ? List.of(CaseFileFormat.STUDY_CODE, CaseFileFormat.SITE_CODE)
            : List.of(CaseFileFormat.STUDY_CODE);
    for (String column : required) {
      if (!header.containsKey(column)) {
        problems.add(ImportProblem.of(raw.name(), 1, column, null, "import.column.missing"));
        readable = false;
      }
    }
    return readable ? header : null;
  }

  private static Map<String, String> cells(Map<String, Integer> header, RawSheet.Row row) {
    Map<String, String> cells = new LinkedHashMap<>();
    header.forEach((name, column) -> cells.put(name, row.cell(column)));
    return cells;
  }

  /** The values of one section from a row's cells, every problem placed on its cell. */
  private SectionValues read(
      Section section,
      Map<String, String> cells,
      String sheet,
      int row,
      List<ImportProblem> problems) {
    Map<String, String> texts = new HashMap<>();
    Map<String, String> missing = new HashMap<>();
    for (Variable variable : CaseVariables.of(section)) {
      String cell = cells.get(variable.name());
      if (cell == null || cell.isBlank()) {
        continue;
      }
      if (variable.isCoded()) {
        CodeMatcher.Match match = codes.match(variable, cell);
        if (match.isAmbiguous()) {
          problems.add(
              ImportProblem.of(
                  sheet,
                  row,
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
    for (FieldProblem problem : result.problems()) {
      problems.add(
          new ImportProblem(
              sheet,
              row,
              problem.variable(),
              cells.getOrDefault(problem.variable(), ""),
              problem.messageKey(),
              problem.arguments()));
    }
    return result.values();
  }

  /**
   * The values of the form's single custom sections from a row's cells (a missing reason by name,
   * check boxes as codes joined by "|" or ","), every problem placed on its cell. Sections without
   * a column in the file are left out, so that an update keeps what is stored.
   */
  private static CustomData readCustom(
      FormDefinition form,
      Map<String, String> cells,
      String sheet,
      int row,
      List<ImportProblem> problems) {
    Map<String, SectionValues> sections = new LinkedHashMap<>();
    for (SectionDefinition section : form.sections()) {
      if (section.repeating()
          || section.valueFields().stream().noneMatch(f -> cells.containsKey(f.name()))) {
        continue;
      }
      Map<String, String> texts = new HashMap<>();
      Map<String, String> missing = new HashMap<>();
      for (FieldDefinition field : section.valueFields()) {
        String cell = cells.get(field.name());
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
      for (FieldProblem problem : result.problems()) {
        problems.add(
            new ImportProblem(
                sheet,
                row,
                problem.variable(),
                cells.getOrDefault(problem.variable(), ""),
                problem.messageKey(),
                problem.arguments()));
      }
      sections.put(section.key(), result.values());
    }
    return new CustomData(sections, Map.of());
  }

  /** "A", "B", … "AA": where a column without a name is. */
  static String columnLetter(int column) {
    return CellReference.convertNumToColString(column);
  }
}
