package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.CaseImport;
import org.caseregistry.cases.CustomData;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.importing.CaseFileInterpreter.CaseRows;
import org.caseregistry.importing.CaseFileInterpreter.ItemRow;

/**
 * One chunk of a file's cases as {@link ChunkedCaseFile} reads it, case by case (the index in every
 * list is the case's ref within the chunk): the chunk's rows of the cases sheet one case per row,
 * then the rows of each list sheet attached to the case with their study code.
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
  private final Map<String, Integer> refByCode = new HashMap<>();
  private final List<CaseRows> caseRows = new ArrayList<>();
  private final List<Map<Section, SectionValues>> singles = new ArrayList<>();
  private final List<CustomData> customSingles = new ArrayList<>();
  private final List<Map<Section, List<SectionValues>>> lists = new ArrayList<>();
  private final List<Map<String, List<SectionValues>>> customItems = new ArrayList<>();

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

  /** Rows of a built-in list sheet: items of the list section {@code section}. */
  void attachList(Section section, RawSheet raw, Map<String, Integer> header) {
    attach(
        raw,
        header,
        (ref, place) -> {
          lists
              .get(ref)
              .computeIfAbsent(section, s -> new ArrayList<>())
              .add(reader.read(section, place, problems));
          return caseRows.get(ref).items().computeIfAbsent(section, s -> new ArrayList<>());
        });
  }

  /** Rows of a repeating custom section's sheet: its items. */
  void attachCustom(SectionDefinition section, RawSheet raw, Map<String, Integer> header) {
    String key = section.key();
    attach(
        raw,
        header,
        (ref, place) -> {
          customItems
              .get(ref)
              .computeIfAbsent(key, k -> new ArrayList<>())
              .add(CellReader.readCustom(section, place, problems));
          return caseRows.get(ref).customItems().computeIfAbsent(key, k -> new ArrayList<>());
        });
  }

  /** A list sheet: each row an item of the case with its study code, in row order. */
  private void attach(RawSheet raw, Map<String, Integer> header, ItemReader items) {
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

  ChunkedCaseFile.Chunk done() {
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
    return new ChunkedCaseFile.Chunk(cases, caseRows);
  }

  static Map<String, String> cells(Map<String, Integer> header, RawSheet.Row row) {
    Map<String, String> cells = new LinkedHashMap<>();
    header.forEach((name, column) -> cells.put(name, row.cell(column)));
    return cells;
  }
}
