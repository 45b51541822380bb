package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caseregistry.cases.CaseImport;
import org.caseregistry.catalog.Section;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.importing.CaseFileFormat.Sheet;
import org.caseregistry.importing.CaseFileInterpreter.CaseRows;
import org.caseregistry.importing.SpooledFile.SpooledSheet;

/**
 * A file's cases read a chunk at a time, so that memory follows the chunk, not the file. Before the
 * first chunk, two passes over the spooled rows: an index of the cases sheet (study code to the
 * case's position, with the empty and repeated study codes as problems), and the rows of every list
 * sheet sorted into one spool per chunk by the chunk of their case (rows of an unknown case are
 * problems there). Each chunk then reads its cases' rows and their list rows and nothing else,
 * whichever sheet and row the list rows came from. Problems of rows are reported in sheet and row
 * order, as if the file had been read at once.
 */
final class ChunkedCaseFile implements AutoCloseable {

  /** One chunk's cases, with where each came from in the file. */
  record Chunk(List<CaseImport> cases, List<CaseRows> rows) {}

  private final CellReader reader;
  private final FormDefinition form;
  private final int chunkSize;
  private final FileLayout layout;
  private final SpooledSheet casesSheet;
  private final Map<String, Integer> casesHeader;
  private final List<ListSheet> lists;
  private final Map<String, Integer> refByCode = new HashMap<>();
  private int[] rowOfRef = new int[1024];
  private int caseCount;
  private final List<ImportProblem> rowProblems = new ArrayList<>();
  private final Map<String, Integer> sheetOrder = new HashMap<>();
  private final List<RowSpool> buckets = new ArrayList<>();
  private RowSpool.Reader casesRows;
  private int nextRef;
  private int nextChunk;

  /** A file whose cases cannot be read (no cases sheet, or its header is unreadable). */
  ChunkedCaseFile(
      SpooledFile file, CellReader reader, FormDefinition form, int chunkSize, FileLayout layout) {
    this(file, reader, form, chunkSize, layout, null, null, List.of());
  }

  ChunkedCaseFile(
      SpooledFile file,
      CellReader reader,
      FormDefinition form,
      int chunkSize,
      FileLayout layout,
      SpooledSheet casesSheet,
      Map<String, Integer> casesHeader,
      List<ListSheet> lists) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("A chunk holds at least one case: " + chunkSize);
    }
    this.reader = reader;
    this.form = form;
    this.chunkSize = chunkSize;
    this.layout = layout;
    this.casesSheet = casesSheet;
    this.casesHeader = casesHeader;
    this.lists = lists;
    if (casesSheet != null) {
      sheetOrder.put(casesSheet.name(), 0);
      for (ListSheet list : lists) {
        sheetOrder.putIfAbsent(list.sheet().name(), sheetOrder.size());
      }
      index();
      sortIntoChunks(file);
    }
  }

  /** Every case row's study code: the first row of a code is its case, later ones are problems. */
  private void index() {
    int column = casesHeader.get(CaseFileFormat.STUDY_CODE);
    try (RowSpool.Reader rows = casesSheet.rows()) {
      while (rows.next()) {
        RawSheet.Row row = rows.row();
        String studyCode = row.cell(column).strip();
        String key = studyCode.toLowerCase(Locale.ROOT);
        Integer first = refByCode.get(key);
        if (studyCode.isEmpty()) {
          rowProblems.add(
              ImportProblem.of(
                  casesSheet.name(),
                  row.number(),
                  CaseFileFormat.STUDY_CODE,
                  "",
                  "import.study-code.required"));
        } else if (first != null) {
          rowProblems.add(
              ImportProblem.of(
                  casesSheet.name(),
                  row.number(),
                  CaseFileFormat.STUDY_CODE,
                  studyCode,
                  "import.study-code.duplicate",
                  rowOfRef[first]));
        } else {
          if (caseCount == rowOfRef.length) {
            rowOfRef = Arrays.copyOf(rowOfRef, caseCount * 2);
          }
          rowOfRef[caseCount] = row.number();
          refByCode.put(key, caseCount++);
        }
      }
    }
  }

  /** Each list row into the spool of its case's chunk, sheet after sheet, in row order. */
  private void sortIntoChunks(SpooledFile file) {
    for (int chunk = 0; chunk * chunkSize < caseCount; chunk++) {
      buckets.add(null);
    }
    for (int tag = 0; tag < lists.size(); tag++) {
      ListSheet list = lists.get(tag);
      int column = list.header().get(CaseFileFormat.STUDY_CODE);
      int onlyStudyCode = 0;
      try (RowSpool.Reader rows = list.sheet().rows()) {
        while (rows.next()) {
          RawSheet.Row row = rows.row();
          if (onlyStudyCode(list.header(), row)) {
            onlyStudyCode++;
            continue;
          }
          String studyCode = row.cell(column).strip();
          Integer ref = refByCode.get(studyCode.toLowerCase(Locale.ROOT));
          if (ref == null) {
            rowProblems.add(
                ImportProblem.of(
                    list.sheet().name(),
                    row.number(),
                    CaseFileFormat.STUDY_CODE,
                    studyCode,
                    studyCode.isEmpty()
                        ? "import.study-code.required"
                        : "import.list.unknown-case"));
            continue;
          }
          int chunk = ref / chunkSize;
          if (buckets.get(chunk) == null) {
            buckets.set(chunk, file.newSpool());
          }
          buckets.get(chunk).write(tag, row);
        }
      }
      if (onlyStudyCode > 0) {
        layout
            .notes()
            .add(
                ImportNote.of(
                    list.sheet().name(), "import.note.rows-without-values", onlyStudyCode));
      }
    }
  }

  private static boolean onlyStudyCode(Map<String, Integer> header, RawSheet.Row row) {
    for (Map.Entry<String, Integer> column : header.entrySet()) {
      if (!column.getKey().equals(CaseFileFormat.STUDY_CODE)
          && !row.cell(column.getValue()).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The next chunk of cases with their list items, or null when every case has been read. */
  Chunk next() {
    if (nextRef >= caseCount) {
      return null;
    }
    if (casesRows == null) {
      casesRows = casesSheet.rows();
    }
    int column = casesHeader.get(CaseFileFormat.STUDY_CODE);
    int until = Math.min(nextRef + chunkSize, caseCount);
    List<RawSheet.Row> rows = new ArrayList<>();
    while (nextRef < until && casesRows.next()) {
      RawSheet.Row row = casesRows.row();
      Integer ref = refByCode.get(row.cell(column).strip().toLowerCase(Locale.ROOT));
      if (ref != null && rowOfRef[ref] == row.number()) {
        rows.add(row);
        nextRef++;
      }
    }
    if (nextRef >= caseCount) {
      casesRows.close();
    }
    InterpretationBuilder chunk =
        new InterpretationBuilder(reader, form, rowProblems, new ArrayList<>());
    chunk.readCases(new RawSheet(casesSheet.name(), casesSheet.header(), rows), casesHeader);
    RowSpool bucket = buckets.get(nextChunk);
    buckets.set(nextChunk++, null);
    if (bucket != null) {
      try (RowSpool.Reader items = bucket.reader()) {
        int tag = -1;
        List<RawSheet.Row> sheetRows = new ArrayList<>();
        while (items.next()) {
          if (items.tag() != tag) {
            attach(chunk, tag, sheetRows);
            tag = items.tag();
            sheetRows = new ArrayList<>();
          }
          sheetRows.add(items.row());
        }
        attach(chunk, tag, sheetRows);
      }
    }
    return chunk.done();
  }

  private void attach(InterpretationBuilder chunk, int tag, List<RawSheet.Row> rows) {
    if (tag < 0 || rows.isEmpty()) {
      return;
    }
    ListSheet list = lists.get(tag);
    RawSheet raw = new RawSheet(list.sheet().name(), list.sheet().header(), rows);
    if (list.section() != null) {
      chunk.attachList(list.section(), raw, list.header());
    } else {
      chunk.attachCustom(list.custom(), raw, list.header());
    }
  }

  /** Lets go of the cases sheet's spool if the reading stopped before its end. */
  @Override
  public void close() {
    if (casesRows != null) {
      casesRows.close();
    }
  }

  /** Whether a problem has been found so far: in the sheets, the headers or the rows read. */
  boolean hasProblems() {
    return !layout.problems().isEmpty() || !rowProblems.isEmpty();
  }

  /**
   * Every problem found so far: those of sheets and headers, then those of rows by sheet and row.
   */
  List<ImportProblem> problems() {
    List<ImportProblem> ofRows = new ArrayList<>(rowProblems);
    ofRows.sort(
        Comparator.comparingInt(
                (ImportProblem problem) ->
                    sheetOrder.getOrDefault(problem.sheet(), Integer.MAX_VALUE))
            .thenComparingInt(problem -> problem.row() == null ? 0 : problem.row()));
    List<ImportProblem> all = new ArrayList<>(layout.problems());
    all.addAll(ofRows);
    return all;
  }

  /** The number of cases in the file (rows of the cases sheet with a study code of their own). */
  int caseCount() {
    return caseCount;
  }

  List<ImportNote> notes() {
    return layout.notes();
  }

  Set<String> columns() {
    return layout.columns();
  }

  Set<Section> listSections() {
    return layout.listSections();
  }

  Set<String> customLists() {
    return layout.customLists();
  }

  /** Data rows per sheet, by the format's sheet name. */
  Map<String, Integer> rowCounts() {
    return layout.rowCounts();
  }

  /** The sheet's name as the file spells it ("cases.csv", "Cases"), else the format's name. */
  String sheetName(Sheet sheet) {
    return layout.sheetNames().getOrDefault(sheet, sheet.sheetName());
  }
}
