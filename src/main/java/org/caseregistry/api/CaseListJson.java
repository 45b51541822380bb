package org.caseregistry.api;

import java.time.Instant;
import java.util.List;
import org.caseregistry.cases.CaseList;
import org.caseregistry.catalog.Section;
import org.caseregistry.staging.StageGroup;

/** One page of a series' case list, and where it lies in the whole list. */
public record CaseListJson(List<Row> items, int page, int size, long total, int totalPages) {

  /** A case in the list: what the case list page shows, stage groups as their codes. */
  public record Row(
      long id,
      String studyCode,
      String status,
      String siteCode,
      List<String> sectionsFilled,
      int completenessPercent,
      int warningCount,
      String clinicalStage,
      String pathologicalStage,
      boolean demo,
      Instant updatedAt,
      String updatedBy) {

    static Row of(CaseList.Row row) {
      return new Row(
          row.id(),
          row.studyCode(),
          row.status(),
          row.siteCode(),
          row.sectionsFilled().stream().map(Section::slug).toList(),
          row.completenessPercent(),
          row.warningCount(),
          stageCode(row.clinicalStage()),
          stageCode(row.pathologicalStage()),
          row.demo(),
          row.updatedAt(),
          row.updatedBy());
    }

    private static String stageCode(String stored) {
      return stored == null ? null : StageGroup.valueOf(stored).code();
    }
  }

  /**
   * A page past the last one is empty (the case list page shows the last page instead), so that a
   * client reading page after page stops.
   */
  static CaseListJson of(CaseList.Page page, int requestedPage, int size) {
    boolean pastTheEnd = requestedPage > page.pageCount();
    return new CaseListJson(
        pastTheEnd ? List.of() : page.rows().stream().map(Row::of).toList(),
        requestedPage,
        size,
        page.total(),
        page.total() == 0 ? 0 : page.pageCount());
  }
}
