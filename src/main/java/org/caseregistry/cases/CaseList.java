package org.caseregistry.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.account.CurrentAccount;
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
   * @param signOff only cases in this sign-off state; null for any
   */
  public record Filter(
      Long siteId, String status, String query, String sort, int page, SignOff signOff) {

    public Filter(Long siteId, String status, String query, String sort, int page) {
      this(siteId, status, query, sort, page, null);
    }

    public String sortOrDefault() {
      return sort != null && SORTS.containsKey(sort) ? sort : "code";
    }
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
      String updatedBy,
      SignOff signOff) {

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
    if (filter.signOff() != null) {
      where.append(" and c.sign_off = :signOff");
      params.addValue("signOff", filter.signOff().name());
    }
    if (filter.query() != null && !filter.query().isBlank()) {
      // A prefix search, which the study-code index answers: "BN1" finds BN1, BN10, BN11 …
      where.append(" and lower(c.study_code) like :query escape '\\'");
      params.addValue("query", escapeLike(filter.query().strip().toLowerCase()) + "%");
    }
    String from = " from surgical_case c join hospital_site h on h.id = c.site_id";
    Long total =
        jdbc.queryForObject("select count(*) from surgical_case c" + where, params, Long.class);
    int pageCount = Math.max(1, (int) ((total + pageSize - 1) / pageSize));
    int page = Math.min(Math.max(1, filter.page()), pageCount);
    // Limit and offset are written into the statement, not bound: a plan prepared for unknown
    // values would sort the whole series instead of reading the first rows of the index.
    int offset = (page - 1) * pageSize;
    List<Row> rows =
        jdbc.query(
            "select c.id, c.study_code, c.status, h.code as site_code, c.sections_filled,"
                + " c.warning_count, c.clinical_stage, c.pathological_stage, c.demo, c.updated_at,"
                + " c.updated_by, c.sign_off"
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
                    rs.getString("updated_by"),
                    SignOff.valueOf(rs.getString("sign_off"))));
    return new Page(rows, total, page, pageCount);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
