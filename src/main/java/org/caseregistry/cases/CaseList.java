package org.caseregistry.cases;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingValueSql;
import org.caseregistry.catalog.Section;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list of a series: filtered, searched, sorted and paged in the database with two
 * statements (count and page), whatever the size of the registry. Sites the account does not belong
 * to are filtered in the query itself.
 */
@Repository
public class CaseList {

  public static final int PAGE_SIZE = 25;

  private static final Map<String, String> SORTS =
      Map.of(
          "code", "length(c.study_code), lower(c.study_code), c.id",
          "site", "h.code, length(c.study_code), lower(c.study_code), c.id",
          "updated", "c.updated_at desc, c.id",
          "warnings", "c.warning_count desc, length(c.study_code), lower(c.study_code), c.id");

  /**
   * @param missing a variable of a single section: only the cases where it is missing
   * @param reason with {@code missing}: why it is missing (NOT_ENTERED, UNKNOWN, NOT_APPLICABLE)
   */
  public record Filter(
      Long siteId,
      String status,
      String query,
      String sort,
      int page,
      String missing,
      String reason) {

    public Filter(Long siteId, String status, String query, String sort, int page) {
      this(siteId, status, query, sort, page, null, null);
    }

    /** The missing-value condition asked for, when it names a variable and a reason. */
    Optional<MissingValueSql.Kind> missingKind() {
      if (missing == null || !CaseVariables.exists(missing)) {
        return Optional.empty();
      }
      if (CaseVariables.get(missing).section().isList()) {
        return Optional.empty();
      }
      return Arrays.stream(MissingValueSql.Kind.values())
          .filter(kind -> kind.name().equals(reason))
          .findFirst();
    }

    /** Whether the list is limited to the cases where a variable is missing (for the page). */
    public boolean isMissingFilter() {
      return missingKind().isPresent();
    }

    public String sortOrDefault() {
      return sort != null && SORTS.containsKey(sort) ? sort : "code";
    }
  }

  private static final Map<Section, String> ALIASES = new EnumMap<>(Section.class);

  private static final String SECTION_JOINS;

  static {
    StringBuilder joins = new StringBuilder();
    for (Section section : Section.values()) {
      if (!section.isList()) {
        String alias = "s_" + section.slug();
        ALIASES.put(section, alias);
        joins
            .append(" left join ")
            .append(section.table())
            .append(' ')
            .append(alias)
            .append(" on ")
            .append(alias)
            .append(".case_id = c.id");
      }
    }
    SECTION_JOINS = joins.toString();
  }

  public record Row(
      long id,
      String studyCode,
      String status,
      String siteCode,
      Set<Section> sectionsFilled,
      int warningCount,
      String clinicalStage,
      String pathologicalStage,
      boolean demo,
      Instant updatedAt,
      String updatedBy) {

    public boolean filled(Section section) {
      return sectionsFilled.contains(section);
    }

    public int completenessPercent() {
      return sectionsFilled.size() * 100 / Section.values().length;
    }
  }

  public record Page(List<Row> rows, long total, int page, int pageCount) {}

  private final NamedParameterJdbcTemplate jdbc;

  CaseList(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Page find(long seriesId, Filter filter, CurrentAccount account) {
    return find(seriesId, filter, PAGE_SIZE, account);
  }

  /** The same list with another page size (the REST API lets clients choose, up to a limit). */
  @Transactional(readOnly = true)
  public Page find(long seriesId, Filter filter, int pageSize, CurrentAccount account) {
    StringBuilder where = new StringBuilder(" where c.series_id = :series");
    MapSqlParameterSource params = new MapSqlParameterSource("series", seriesId);
    if (!account.isAdmin()) {
      if (account.siteIds().isEmpty()) {
        return new Page(List.of(), 0, 1, 1);
      }
      where.append(" and c.site_id in (:allowed)");
      params.addValue("allowed", account.siteIds());
    }
    if (filter.siteId() != null) {
      where.append(" and c.site_id = :site");
      params.addValue("site", filter.siteId());
    }
    if ("ACTIVE".equals(filter.status()) || "WITHDRAWN".equals(filter.status())) {
      where.append(" and c.status = :status");
      params.addValue("status", filter.status());
    } else if ("FLAGGED".equals(filter.status())) {
      where.append(" and c.warning_count > 0");
    }
    if (filter.query() != null && !filter.query().isBlank()) {
      // A prefix search, which the study-code index answers: "BN1" finds BN1, BN10, BN11 …
      where.append(" and lower(c.study_code) like :query escape '\\'");
      params.addValue("query", escapeLike(filter.query().strip().toLowerCase()) + "%");
    }
    String joins = "";
    if (filter.missingKind().isPresent()) {
      // The data-quality page links here: the same condition as its counts.
      joins = SECTION_JOINS;
      where
          .append(" and (")
          .append(
              MissingValueSql.condition(
                  CaseVariables.get(filter.missing()), filter.missingKind().get(), ALIASES))
          .append(")");
    }
    String from = " from surgical_case c join hospital_site h on h.id = c.site_id" + joins;
    Long total =
        jdbc.queryForObject(
            "select count(*) from surgical_case c" + joins + where, params, Long.class);
    int pageCount = Math.max(1, (int) ((total + pageSize - 1) / pageSize));
    int page = Math.min(Math.max(1, filter.page()), pageCount);
    // Limit and offset are written into the statement, not bound: a plan prepared for unknown
    // values would sort the whole series instead of reading the first rows of the index.
    int offset = (page - 1) * pageSize;
    List<Row> rows =
        jdbc.query(
            "select c.id, c.study_code, c.status, h.code as site_code, c.sections_filled,"
                + " c.warning_count, c.clinical_stage, c.pathological_stage, c.demo, c.updated_at,"
                + " c.updated_by"
                + from
                + where
                + " order by "
                + SORTS.get(filter.sortOrDefault())
                + " limit "
                + pageSize
                + " offset "
                + offset,
            params,
            (rs, row) ->
                new Row(
                    rs.getLong("id"),
                    rs.getString("study_code"),
                    rs.getString("status"),
                    rs.getString("site_code"),
                    CaseStore.arrayOf(rs, "sections_filled").stream()
                        .map(Section::valueOf)
                        .collect(
                            Collectors.toCollection(() -> java.util.EnumSet.noneOf(Section.class))),
                    rs.getInt("warning_count"),
                    rs.getString("clinical_stage"),
                    rs.getString("pathological_stage"),
                    rs.getBoolean("demo"),
                    rs.getTimestamp("updated_at").toInstant(),
                    rs.getString("updated_by")));
    return new Page(rows, total, page, pageCount);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
