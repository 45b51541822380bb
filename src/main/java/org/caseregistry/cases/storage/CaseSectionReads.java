package org.caseregistry.cases.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.cases.CaseData;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.Section;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reading of a case's built-in sections: one case whole, one section of it, or the sections of
 * many cases of a series at once. The section tables have one column per catalog variable, so the
 * SQL is built from the catalog ({@link SectionRows} maps a row).
 */
@Repository
public class CaseSectionReads {

  private final NamedParameterJdbcTemplate jdbc;

  CaseSectionReads(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The sections of many cases of a series at once: one statement per section table, however many
   * cases (imports and exports). Cases without any section are absent from the map.
   */
  public Map<Long, CaseData> loadSeries(long seriesId, Set<Long> caseIds) {
    Map<Long, Map<Section, SectionValues>> singles = new LinkedHashMap<>();
    Map<Long, Map<Section, List<SectionValues>>> lists = new LinkedHashMap<>();
    for (Section section : Section.values()) {
      jdbc.query(
          "select t.* from "
              + section.table()
              + " t join surgical_case c on c.id = t.case_id"
              + " where c.series_id = :series order by t.case_id"
              + (section.isList() ? ", t.position, t.id" : ""),
          Map.of("series", seriesId),
          rs -> {
            long caseId = rs.getLong("case_id");
            if (!caseIds.contains(caseId)) {
              return;
            }
            if (section.isList()) {
              lists
                  .computeIfAbsent(caseId, id -> new EnumMap<>(Section.class))
                  .computeIfAbsent(section, s -> new ArrayList<>())
                  .add(SectionRows.values(rs, section, rs.getLong("id")));
            } else {
              singles
                  .computeIfAbsent(caseId, id -> new EnumMap<>(Section.class))
                  .put(section, SectionRows.values(rs, section, null));
            }
          });
    }
    Map<Long, CaseData> loaded = new LinkedHashMap<>();
    for (Long caseId : caseIds) {
      Map<Section, List<SectionValues>> items = new EnumMap<>(Section.class);
      for (Section section : Section.values()) {
        if (section.isList()) {
          items.put(
              section,
              List.copyOf(lists.getOrDefault(caseId, Map.of()).getOrDefault(section, List.of())));
        }
      }
      loaded.put(
          caseId,
          new CaseData(
              new EnumMap<>(singles.getOrDefault(caseId, new EnumMap<>(Section.class))), items));
    }
    return loaded;
  }

  private static final String GASTRIC_ROWS_EXIST =
      Arrays.stream(Section.values())
          .filter(Section::isGastric)
          .map(section -> "exists(select 1 from " + section.table() + " where case_id = :id)")
          .collect(Collectors.joining(" or ", "select ", ""));

  /** Whether any section of the gastrectomy module holds a row for the case. */
  private boolean recordedWithGastricModule(long caseId) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(GASTRIC_ROWS_EXIST, Map.of("id", caseId), Boolean.class));
  }

  public CaseData load(long caseId) {
    Map<Section, SectionValues> singles = new EnumMap<>(Section.class);
    Map<Section, List<SectionValues>> lists = new EnumMap<>(Section.class);
    // A case holds one procedure's sections: one statement saves reading the other's tables.
    boolean gastric = recordedWithGastricModule(caseId);
    for (Section section : Section.values()) {
      if (gastric ? section.isEsophagusOnly() : section.isGastric()) {
        if (section.isList()) {
          lists.put(section, List.of());
        }
      } else if (section.isList()) {
        lists.put(section, items(caseId, section));
      } else {
        single(caseId, section).ifPresent(values -> singles.put(section, values));
      }
    }
    return new CaseData(singles, lists);
  }

  public Optional<SectionValues> single(long caseId, Section section) {
    return jdbc
        .query(
            "select * from " + section.table() + " where case_id = :case",
            Map.of("case", caseId),
            (rs, row) -> SectionRows.values(rs, section, null))
        .stream()
        .findFirst();
  }

  public List<SectionValues> items(long caseId, Section section) {
    return jdbc.query(
        "select * from " + section.table() + " where case_id = :case order by position, id",
        Map.of("case", caseId),
        (rs, row) -> SectionRows.values(rs, section, rs.getLong("id")));
  }
}
