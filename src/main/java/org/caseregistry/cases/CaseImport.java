package org.caseregistry.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.catalog.Section;

/**
 * One case read from an import file: its study code, its site code and the typed values of the
 * columns the file has. {@code ref} is the caller's own reference (for example the row in the
 * file), handed back with every outcome and problem.
 */
public record CaseImport(int ref, String studyCode, String siteCode, CaseData data) {

  /**
   * A whole import: the cases, which variables the file has a column for and which list sections it
   * has a sheet for (built-in list sections, and the keys of repeating custom sections). In update
   * mode a variable without a column, or a list without a sheet, keeps what is stored; a column or
   * sheet that is present replaces it (an empty cell empties).
   *
   * @param source the file name, recorded in the audit trail
   * @param expectedRevisions for a commit after a dry run, the case revisions the dry run saw (see
   *     {@link CaseImportResult#revisions()}); a case whose revision differs now is a conflict.
   *     Null when nothing is to be compared.
   */
  public record Request(
      long seriesId,
      List<CaseImport> cases,
      Set<String> columns,
      Set<Section> listSections,
      Set<String> customLists,
      boolean updateExisting,
      String source,
      Map<String, Long> expectedRevisions) {

    public Request {
      cases = List.copyOf(cases);
      columns = Set.copyOf(columns);
      listSections = Set.copyOf(listSections);
      customLists = Set.copyOf(customLists);
      expectedRevisions = expectedRevisions == null ? null : Map.copyOf(expectedRevisions);
    }

    public Request(
        long seriesId,
        List<CaseImport> cases,
        Set<String> columns,
        Set<Section> listSections,
        boolean updateExisting,
        String source) {
      this(seriesId, cases, columns, listSections, Set.of(), updateExisting, source, null);
    }
  }
}
