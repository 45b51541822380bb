package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.cases.CaseImport;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.importing.CaseFileFormat.Sheet;

/**
 * Turns raw sheets into cases: checks sheets and columns ({@link SheetHeaders}), reads every cell
 * ({@link CellReader}), and attaches list rows (built-in list sheets and the sheets of repeating
 * custom sections) to their cases. Reports every problem with its sheet, row, column and value;
 * what needs the database (study codes already taken, sites, the case rules on the merged case) is
 * judged afterwards by the case service.
 */
final class CaseFileInterpreter {

  /** Where a case came from in the file, to place the problems found later. */
  record CaseRows(
      int row,
      Map<String, String> cells,
      Map<Section, List<ItemRow>> items,
      Map<String, List<ItemRow>> customItems) {}

  record ItemRow(int row, Map<String, String> cells) {}

  /**
   * What the file holds.
   *
   * @param customLists the keys of the repeating custom sections the file has a sheet for
   * @param rowCounts data rows per sheet, by the format's sheet name
   */
  record Interpretation(
      List<CaseImport> cases,
      List<CaseRows> rows,
      Set<String> columns,
      Set<Section> listSections,
      Set<String> customLists,
      List<ImportProblem> problems,
      List<ImportNote> notes,
      Map<String, Integer> rowCounts,
      Map<Sheet, String> sheetNames) {

    /** The sheet's name as the file spells it ("cases.csv", "Cases"), else the format's name. */
    String sheetName(Sheet sheet) {
      return sheetNames.getOrDefault(sheet, sheet.sheetName());
    }
  }

  private final CellReader reader;

  CaseFileInterpreter(CodeMatcher codes) {
    this.reader = new CellReader(codes);
  }

  Interpretation interpret(List<RawSheet> rawSheets, FormDefinition form) {
    List<ImportProblem> problems = new ArrayList<>();
    List<ImportNote> notes = new ArrayList<>();
    Map<Sheet, RawSheet> sheets = new EnumMap<>(Sheet.class);
    Map<String, RawSheet> customSheets = new LinkedHashMap<>();
    for (RawSheet raw : rawSheets) {
      Sheet sheet = Sheet.named(raw.name());
      SectionDefinition custom = sheet == null ? CustomSheets.section(raw.name(), form) : null;
      if (sheet == null && custom == null) {
        problems.add(ImportProblem.of(raw.name(), null, null, null, "import.sheet.unknown"));
      } else if (sheet != null
          ? sheets.containsKey(sheet)
          : customSheets.containsKey(custom.key())) {
        problems.add(ImportProblem.of(raw.name(), null, null, null, "import.sheet.duplicate"));
      } else if (sheet == null) {
        customSheets.put(custom.key(), raw);
      } else {
        if (sheet == Sheet.CODEBOOK) {
          notes.add(ImportNote.of(raw.name(), "import.note.codebook-ignored"));
        }
        sheets.put(sheet, raw);
      }
    }
    Map<String, Integer> rowCounts = new LinkedHashMap<>();
    Map<Sheet, String> sheetNames = new EnumMap<>(Sheet.class);
    sheets.forEach(
        (sheet, raw) -> {
          sheetNames.put(sheet, raw.name());
          if (sheet.holdsData()) {
            rowCounts.put(sheet.sheetName(), raw.rows().size());
          }
        });
    customSheets.forEach(
        (key, raw) ->
            rowCounts.put(
                CustomSheets.sheetName(form.section(key).orElseThrow()), raw.rows().size()));
    InterpretationBuilder file = new InterpretationBuilder(reader, form, problems, notes);
    RawSheet casesSheet = sheets.get(Sheet.CASES);
    if (casesSheet == null) {
      problems.add(ImportProblem.of(null, null, null, null, "import.sheet.cases-missing"));
      return file.done(rowCounts, sheetNames);
    }
    Map<Sheet, Map<String, Integer>> headers = new EnumMap<>(Sheet.class);
    for (Map.Entry<Sheet, RawSheet> entry : sheets.entrySet()) {
      if (entry.getKey().holdsData()) {
        Map<String, Integer> header =
            SheetHeaders.of(entry.getKey(), entry.getValue(), form, problems, notes);
        if (header != null) {
          headers.put(entry.getKey(), header);
          file.columns(header);
          if (entry.getKey().section() != null) {
            file.listSections.add(entry.getKey().section());
          }
        }
      }
    }
    Map<String, Map<String, Integer>> customHeaders = new LinkedHashMap<>();
    customSheets.forEach(
        (key, raw) -> {
          Map<String, Integer> header =
              SheetHeaders.of(form.section(key).orElseThrow(), raw, form, problems, notes);
          if (header != null) {
            customHeaders.put(key, header);
            file.columns(header);
            file.customLists.add(key);
          }
        });
    Map<String, Integer> casesHeader = headers.get(Sheet.CASES);
    if (casesHeader == null) {
      return file.done(rowCounts, sheetNames);
    }
    file.readCases(casesSheet, casesHeader);
    for (Sheet sheet : Sheet.values()) {
      Map<String, Integer> header = headers.get(sheet);
      if (sheet.section() != null && header != null) {
        file.attach(
            sheets.get(sheet),
            header,
            (ref, place) -> {
              file.lists
                  .get(ref)
                  .computeIfAbsent(sheet.section(), s -> new ArrayList<>())
                  .add(reader.read(sheet.section(), place, problems));
              return file.caseRows
                  .get(ref)
                  .items()
                  .computeIfAbsent(sheet.section(), s -> new ArrayList<>());
            });
      }
    }
    customHeaders.forEach(
        (key, header) -> {
          SectionDefinition section = form.section(key).orElseThrow();
          file.attach(
              customSheets.get(key),
              header,
              (ref, place) -> {
                file.customItems
                    .get(ref)
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(CellReader.readCustom(section, place, problems));
                return file.caseRows
                    .get(ref)
                    .customItems()
                    .computeIfAbsent(key, k -> new ArrayList<>());
              });
        });
    return file.done(rowCounts, sheetNames);
  }
}
