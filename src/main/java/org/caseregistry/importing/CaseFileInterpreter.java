package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.importing.CaseFileFormat.Sheet;
import org.caseregistry.importing.SpooledFile.SpooledSheet;

/**
 * Turns the sheets of a file into cases: checks sheets and columns ({@link SheetHeaders}) here,
 * then hands the rows to {@link ChunkedCaseFile}, which reads every cell ({@link CellReader}) and
 * attaches list rows (built-in list sheets and the sheets of repeating custom sections) to their
 * cases, a chunk of cases at a time. Every problem is reported with its sheet, row, column and
 * value; what needs the database (study codes already taken, sites, the case rules on the merged
 * case) is judged afterwards by the case service, chunk by chunk.
 */
final class CaseFileInterpreter {

  /** Where a case came from in the file, to place the problems found later. */
  record CaseRows(
      int row,
      Map<String, String> cells,
      Map<Section, List<ItemRow>> items,
      Map<String, List<ItemRow>> customItems) {}

  record ItemRow(int row, Map<String, String> cells) {}

  private final CellReader reader;

  CaseFileInterpreter(CodeMatcher codes) {
    this.reader = new CellReader(codes);
  }

  /** The file's sheets and columns judged; its cases to be read in chunks of {@code chunkSize}. */
  ChunkedCaseFile interpret(SpooledFile file, FormDefinition form, int chunkSize) {
    List<ImportProblem> problems = new ArrayList<>();
    List<ImportNote> notes = new ArrayList<>();
    Map<Sheet, SpooledSheet> sheets = new EnumMap<>(Sheet.class);
    Map<String, SpooledSheet> customSheets = new LinkedHashMap<>();
    for (SpooledSheet raw : file.sheets()) {
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
    FileLayout layout = new FileLayout(problems, notes);
    sheets.forEach(
        (sheet, raw) -> {
          layout.sheetNames().put(sheet, raw.name());
          if (sheet.holdsData()) {
            layout.rowCounts().put(sheet.sheetName(), raw.rowCount());
          }
        });
    customSheets.forEach(
        (key, raw) ->
            layout
                .rowCounts()
                .put(CustomSheets.sheetName(form.section(key).orElseThrow()), raw.rowCount()));
    SpooledSheet casesSheet = sheets.get(Sheet.CASES);
    if (casesSheet == null) {
      problems.add(ImportProblem.of(null, null, null, null, "import.sheet.cases-missing"));
      return new ChunkedCaseFile(file, reader, form, chunkSize, layout);
    }
    Map<Sheet, Map<String, Integer>> headers = new EnumMap<>(Sheet.class);
    for (Map.Entry<Sheet, SpooledSheet> entry : sheets.entrySet()) {
      if (entry.getKey().holdsData()) {
        Map<String, Integer> header =
            SheetHeaders.of(entry.getKey(), entry.getValue(), form, problems, notes);
        if (header != null) {
          headers.put(entry.getKey(), header);
          columns(header, form, layout.columns());
          if (entry.getKey().section() != null) {
            layout.listSections().add(entry.getKey().section());
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
            columns(header, form, layout.columns());
            layout.customLists().add(key);
          }
        });
    Map<String, Integer> casesHeader = headers.get(Sheet.CASES);
    if (casesHeader == null) {
      return new ChunkedCaseFile(file, reader, form, chunkSize, layout);
    }
    List<ListSheet> lists = new ArrayList<>();
    for (Sheet sheet : Sheet.values()) {
      Map<String, Integer> header = headers.get(sheet);
      if (sheet.section() != null && header != null) {
        lists.add(new ListSheet(sheets.get(sheet), header, sheet.section(), null));
      }
    }
    customHeaders.forEach(
        (key, header) ->
            lists.add(
                new ListSheet(
                    customSheets.get(key), header, null, form.section(key).orElseThrow())));
    return new ChunkedCaseFile(
        file, reader, form, chunkSize, layout, casesSheet, casesHeader, lists);
  }

  private static void columns(
      Map<String, Integer> header, FormDefinition form, Set<String> columns) {
    header.keySet().stream()
        .filter(name -> CaseVariables.exists(name) || form.field(name).isPresent())
        .forEach(columns::add);
  }
}
