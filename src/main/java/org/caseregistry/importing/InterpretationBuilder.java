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
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseImport;
import org.caseregistry.cases.CustomData;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.importing.CaseFileFormat.Sheet;
import org.caseregistry.importing.CaseFileInterpreter.CaseRows;
import org.caseregistry.importing.CaseFileInterpreter.Interpretation;
import org.caseregistry.importing.CaseFileInterpreter.ItemRow;

/**
 * What {@link CaseFileInterpreter} has read so far, case by case (the index in every list is the
 * case's ref): the cases sheet one case per row, then the rows of each list sheet attached to the
 * case with their study code.
 */
final class InterpretationBuilder {

  /** Reads one list row of the case {@code ref}; answers where the case keeps its item rows. */
  interface ItemReader {
    List<ItemRow> read(int ref, CellReader.Place place);
  }

  private final CellReader reader;
  private final FormDefinition form;
  private final List<ImportProblem> problems;
  private final List<ImportNote> notes;
  final Set<String> columns = new LinkedHashSet<>();
  final Set<Section> listSections = new LinkedHashSet<>();
  final Set<String> customLists = new LinkedHashSet<>();
  private final Map<String, Integer> refByCode = new HashMap<>();
  final List<CaseRows> caseRows = new ArrayList<>();
  private final List<Map<Section, SectionValues>> singles = new ArrayList<>();
  private final List<CustomData> customSingles = new ArrayList<>();
  final List<Map<Section, List<SectionValues>>> lists = new ArrayList<>();
  final List<Map<String, List<SectionValues>>> customItems = new ArrayList<>();

  InterpretationBuilder(
      CellReader reader,
      FormDefinition form,
      List<ImportProblem> problems,
      List<ImportNote> notes) {
    this.reader = reader;
    this.form = form;
    this.problems = problems;
    this.notes = notes;
  }

  void columns(Map<String, Integer> header) {
    header.keySet().stream()
        .filter(name -> CaseVariables.exists(name) || form.field(name).isPresent())
        .forEach(columns::add);
  }

  /** The cases sheet: one case per row. */
  void readCases(RawSheet sheet, Map<String, Integer> header) {
    Map<String, Integer> firstRow = new HashMap<>();
    for (RawSheet.Row row : sheet.rows()) {
      String studyCode = row.cell(header.get(CaseFileFormat.STUDY_CODE)).strip();
      String key = studyCode.toLowerCase(Locale.ROOT);
      if (studyCode.isEmpty()) {
        problems.add(
            ImportProblem.of(
                sheet.name(),
                row.number(),
                CaseFileFormat.STUDY_CODE,
                "",
                "import.study-code.required"));
        continue;
      }
      if (firstRow.containsKey(key)) {
        problems.add(
            ImportProblem.of(
                sheet.name(),
                row.number(),
                CaseFileFormat.STUDY_CODE,
                studyCode,
                "import.study-code.duplicate",
                firstRow.get(key)));
        continue;
      }
      firstRow.put(key, row.number());
      CellReader.Place place = new CellReader.Place(sheet.name(), row.number(), cells(header, row));
      Map<Section, SectionValues> values = new EnumMap<>(Section.class);
      for (Section section : Section.values()) {
        if (!section.isList()) {
          values.put(section, reader.read(section, place, problems));
        }
      }
      refByCode.put(key, caseRows.size());
      singles.add(values);
      customSingles.add(CellReader.readSingles(form, place, problems));
      lists.add(new EnumMap<>(Section.class));
      customItems.add(new LinkedHashMap<>());
      caseRows.add(
          new CaseRows(
              row.number(), place.cells(), new EnumMap<>(Section.class), new LinkedHashMap<>()));
    }
  }

  /** A list sheet: each row an item of the case with its study code, in row order. */
  void attach(RawSheet raw, Map<String, Integer> header, ItemReader items) {
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
      items
          .read(ref, new CellReader.Place(raw.name(), row.number(), cells))
          .add(new ItemRow(row.number(), cells));
    }
    if (onlyStudyCode > 0) {
      notes.add(ImportNote.of(raw.name(), "import.note.rows-without-values", onlyStudyCode));
    }
  }

  Interpretation done(Map<String, Integer> rowCounts, Map<Sheet, String> sheetNames) {
    List<CaseImport> cases = new ArrayList<>();
    for (int ref = 0; ref < caseRows.size(); ref++) {
      CaseRows rows = caseRows.get(ref);
      CustomData custom = customSingles.get(ref);
      for (Map.Entry<String, List<SectionValues>> items : customItems.get(ref).entrySet()) {
        custom = custom.withItems(items.getKey(), items.getValue());
      }
      cases.add(
          new CaseImport(
              ref,
              rows.cells().get(CaseFileFormat.STUDY_CODE).strip(),
              rows.cells().getOrDefault(CaseFileFormat.SITE_CODE, ""),
              new CaseData(singles.get(ref), lists.get(ref), custom)));
    }
    return new Interpretation(
        cases,
        caseRows,
        columns,
        listSections,
        customLists,
        problems,
        notes,
        rowCounts,
        sheetNames);
  }

  private static Map<String, String> cells(Map<String, Integer> header, RawSheet.Row row) {
    Map<String, String> cells = new LinkedHashMap<>();
    header.forEach((name, column) -> cells.put(name, row.cell(column)));
    return cells;
  }
}
