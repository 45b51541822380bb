package org.caseregistry.importing;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.catalog.Section;
import org.caseregistry.importing.CaseFileFormat.Sheet;

/**
 * What the file's sheets and headers say, before any row is read (the chunked reading's start; see
 * {@link ChunkedCaseFile}).
 */
record FileLayout(
    List<ImportProblem> problems,
    List<ImportNote> notes,
    Set<String> columns,
    Set<Section> listSections,
    Set<String> customLists,
    Map<String, Integer> rowCounts,
    Map<Sheet, String> sheetNames) {

  FileLayout(List<ImportProblem> problems, List<ImportNote> notes) {
    this(
        problems,
        notes,
        new LinkedHashSet<>(),
        new LinkedHashSet<>(),
        new LinkedHashSet<>(),
        new LinkedHashMap<>(),
        new EnumMap<>(Sheet.class));
  }
}
