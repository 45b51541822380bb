package org.caseregistry.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.storage.CaseStore;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingValueSql;
import org.caseregistry.catalog.Section;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list of a series: filtered, searched, sorted and paged in the database with a fixed
 * number of statements whatever the size of the registry. Sites the account does not belong to are
 * filtered in the query itself. Pages near the start are read by number (offset); "next" and
 * "previous" read by the sort key of the page's last or first case (keyset), so a page deep in a
 * large series costs what the first one does. The total comes from the counts kept per series, site
 * and status ({@code case_count}, V37); a search counts its matches only up to {@link
 * #SEARCH_COUNT_LIMIT}.
 */
@Repository
public class CaseList {

  public static final int PAGE_SIZE = 25;

  /** A search shows its exact count up to this many cases, else "more than" it. */
  public static final int SEARCH_COUNT_LIMIT = 1000;

  /**
   * The orders of the list, each as a key compared all in one direction, so that a page can start
   * after (or end before) a given case; the study-code orders are read straight from the indexes of
   * V5.
   */
  private record Sort(List<String> keys, boolean descending) {
    String orderBy(boolean reversed) {
      String direction = descending != reversed ? " desc" : "";
      return keys.stream().map(key -> key + direction).collect(Collectors.joining(", "));
    }

    String tuple() {
      return "(" + String.join(", ", keys) + ")";
    }
  }

  private static final Map<String, Sort> SORTS =
      Map.of(
          "code",
          new Sort(List.of("length(c.study_code)", "lower(c.study_code)", "c.id"), false),
          "site",
          new Sort(List.of("h.code", "length(c.study_code)", "lower(c.study_code)", "c.id"), false),
          "updated",
          new Sort(List.of("c.updated_at", "c.id"), true),
          "warnings",
          new Sort(
              List.of("-c.warning_count", "length(c.study_code)", "lower(c.study_code)", "c.id"),
              false));

  /**
   * @param after the case whose successor starts the page ("next"), or null
   * @param before the case whose predecessor ends the page ("previous"), or null
   * @param page the page number: read by offset without a case to start from, else only shown
   * @param signOff only cases in this sign-off state; null for any
   * @param missing a variable of a single section: only the cases where it is missing
   * @param reason with {@code missing}: why it is missing (NOT_ENTERED, UNKNOWN, NOT_APPLICABLE)
   */
  public record Filter(
      Long siteId,
      String status,
      String query,
      String sort,
      int page,
      Long after,
      Long before,
      SignOff signOff,
      String missing,
      String reason) {

    public Filter(Long siteId, String status, String query, String sort, int page) {
      this(siteId, status, query, sort, page, null, null, null, null, null);
    }

    public Filter(
        Long siteId, String status, String query, String sort, int page, SignOff signOff) {
      this(siteId, status, query, sort, page, null, null, signOff, null, null);
    }

    public Filter(
        Long siteId, String status, String query, String sort, int page, Long after, Long before) {
      this(siteId, status, query, sort, page, after, before, null, null, null);
    }

    public Filter(
        Long siteId,
        String status,
        String query,
        String sort,
        int page,
        String missing,
        String reason) {
      this(siteId, status, query, sort, page, null, null, null, missing, reason);
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
      String updatedBy,
      SignOff signOff) {

    public boolean filled(Section section) {
      return sectionsFilled.contains(section);
    }

    public int completenessPercent() {
      return sectionsFilled.size() * 100 / Section.values().length;
    }
  }

  /**
   * @param totalExact false when a search has more than {@link #SEARCH_COUNT_LIMIT} matches: the
   *     total is then that limit, and the page count a lower bound
   * @param nextAfter the last case of the page when more follow (the "next" link), else null
   * @param previousBefore the first case of the page when cases precede it, else null
   */
  public record Page(
      List<Row> rows,
      long total,
      int page,
      int pageCount,
      boolean totalExact,
      Long nextAfter,
      Long previousBefore) {}

  private final NamedParameterJdbcTemplate jdbc;

  CaseList(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The list page: the total from the kept counts, pages by number or by key. */
  @Transactional(readOnly = true)
  public Page find(long seriesId, Filter filter, CurrentAccount account) {
    return find(seriesId, filter, PAGE_SIZE, account, false);
  }

  /**
   * The same list with another page size and an exact total, counted (the REST API lets clients
   * choose the size, up to a limit, and promises the total).
   */
  @Transactional(readOnly = true)
  public Page find(long seriesId, Filter filter, int pageSize, CurrentAccount account) {
    return find(seriesId, filter, pageSize, account, true);
  }

  private Page find(
      long seriesId, Filter filter, int pageSize, CurrentAccount account, boolean countAll) {
    StringBuilder where = new StringBuilder(" where c.series_id = :series");
    StringBuilder counted = new StringBuilder(" where series_id = :series");
    MapSqlParameterSource params = new MapSqlParameterSource("series", seriesId);
    if (!account.isAdmin()) {
      if (account.siteIds().isEmpty()) {
        return new Page(List.of(), 0, 1, 1, true, null, null);
      }
      where.append(" and c.site_id in (:allowed)");
      counted.append(" and site_id in (:allowed)");
      params.addValue("allowed", account.siteIds());
    }
    if (filter.siteId() != null) {
      where.append(" and c.site_id = :site");
      counted.append(" and site_id = :site");
      params.addValue("site", filter.siteId());
    }
    if ("ACTIVE".equals(filter.status()) || "WITHDRAWN".equals(filter.status())) {
      where.append(" and c.status = :status");
      counted.append(" and status = :status");
      params.addValue("status", filter.status());
    } else if ("FLAGGED".equals(filter.status())) {
      where.append(" and c.warning_count > 0");
      counted.append(" and flagged");
    }
    if (filter.signOff() != null) {
      where.append(" and c.sign_off = :signOff");
      params.addValue("signOff", filter.signOff().name());
    }
    // The kept counts know no sign-off state: such a filter is counted like a search.
    boolean search =
        filter.signOff() != null || (filter.query() != null && !filter.query().isBlank());
    if (filter.query() != null && !filter.query().isBlank()) {
      // A prefix search, which the study-code index answers: "BN1" finds BN1, BN10, BN11 …
      where.append(" and lower(c.study_code) like :query escape '\\'");
      params.addValue("query", escapeLike(filter.query().strip().toLowerCase()) + "%");
    }
    String joins = "";
    if (filter.missingKind().isPresent()) {
      // The data-quality page links here: the same condition as its counts, counted as a search.
      joins = SECTION_JOINS;
      where
          .append(" and (")
          .append(
              MissingValueSql.condition(
                  CaseVariables.get(filter.missing()), filter.missingKind().get(), ALIASES))
          .append(")");
      search = true;
    }
    long total;
    boolean exact = true;
    if (countAll) {
      total =
          jdbc.queryForObject(
              "select count(*) from surgical_case c" + joins + where, params, Long.class);
    } else if (!search) {
      total =
          jdbc.queryForObject(
              "select coalesce(sum(n), 0) from case_count" + counted, params, Long.class);
    } else {
      total =
          jdbc.queryForObject(
              "select count(*) from (select 1 from surgical_case c"
                  + joins
                  + where
                  + " limit "
                  + (SEARCH_COUNT_LIMIT + 1)
                  + ") matches",
              params,
              Long.class);
      if (total > SEARCH_COUNT_LIMIT) {
        total = SEARCH_COUNT_LIMIT;
        exact = false;
      }
    }
    int pageCount = Math.max(1, (int) ((total + pageSize - 1) / pageSize));
    Sort sort = SORTS.get(filter.sortOrDefault());
    Long cursor = filter.after() != null ? filter.after() : filter.before();
    List<Object> key = cursor == null ? null : key(sort, cursor, seriesId, account);
    if (key != null) {
      boolean backwards = filter.after() == null;
      StringBuilder keyed = new StringBuilder(where).append(" and ").append(sort.tuple());
      keyed.append(sort.descending() != backwards ? " < (" : " > (");
      for (int i = 0; i < key.size(); i++) {
        keyed.append(i == 0 ? "" : ", ").append(":k").append(i);
        params.addValue("k" + i, key.get(i));
      }
      keyed.append(")");
      List<Row> rows = rows(joins + keyed, sort.orderBy(backwards), pageSize + 1, 0, params);
      boolean more = rows.size() > pageSize;
      rows = new ArrayList<>(rows.subList(0, Math.min(pageSize, rows.size())));
      if (backwards) {
        Collections.reverse(rows);
      }
      if (!rows.isEmpty()) {
        int page = Math.max(1, filter.page());
        Long next = !backwards && !more ? null : rows.get(rows.size() - 1).id();
        Long previous = backwards && !more ? null : rows.get(0).id();
        if (exact) {
          page = Math.min(page, pageCount);
        } else {
          pageCount = Math.max(pageCount, page + (next == null ? 0 : 1));
        }
        return new Page(List.copyOf(rows), total, page, pageCount, exact, next, previous);
      }
    }
    // Without a case to start from by number; with one that is gone or out of the list, the first.
    int page = cursor != null ? 1 : Math.max(1, filter.page());
    if (exact) {
      page = Math.min(page, pageCount);
    }
    // Limit and offset are written into the statement, not bound: a plan prepared for unknown
    // values would sort the whole series instead of reading the first rows of the index.
    int offset = (page - 1) * pageSize;
    List<Row> rows = rows(joins + where, sort.orderBy(false), pageSize + 1, offset, params);
    boolean more = rows.size() > pageSize;
    rows = List.copyOf(rows.subList(0, Math.min(pageSize, rows.size())));
    Long next = more ? rows.get(rows.size() - 1).id() : null;
    Long previous = page > 1 && !rows.isEmpty() ? rows.get(0).id() : null;
    if (!exact) {
      pageCount = Math.max(pageCount, page + (more ? 1 : 0));
    }
    return new Page(rows, total, page, pageCount, exact, next, previous);
  }

  /**
   * The sort key of a case, to start a page after or before it; null if there is no such case in
   * the series at the account's sites (so that a key never tells anything of a case one may not
   * see).
   */
  private List<Object> key(Sort sort, long caseId, long seriesId, CurrentAccount account) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("id", caseId).addValue("series", seriesId);
    String sites = "";
    if (!account.isAdmin()) {
      sites = " and c.site_id in (:allowed)";
      params.addValue("allowed", account.siteIds());
    }
    List<List<Object>> found =
        jdbc.query(
            "select "
                + String.join(", ", sort.keys())
                + " from surgical_case c join hospital_site h on h.id = c.site_id where c.id = :id"
                + " and c.series_id = :series"
                + sites,
            params,
            (rs, row) -> {
              List<Object> values = new ArrayList<>();
              for (int i = 1; i <= sort.keys().size(); i++) {
                values.add(rs.getObject(i));
              }
              return values;
            });
    return found.isEmpty() ? null : found.get(0);
  }

  private List<Row> rows(
      CharSequence where, String orderBy, int limit, int offset, MapSqlParameterSource params) {
    return jdbc.query(
        "select c.id, c.study_code, c.status, h.code as site_code, c.sections_filled,"
            + " c.warning_count, c.clinical_stage, c.pathological_stage, c.demo, c.updated_at,"
            + " c.updated_by, c.sign_off from surgical_case c join hospital_site h on h.id ="
            + " c.site_id"
            + where
            + " order by "
            + orderBy
            + " limit "
            + limit
            + (offset > 0 ? " offset " + offset : ""),
        params,
        (rs, row) ->
            new Row(
                rs.getLong("id"),
                rs.getString("study_code"),
                rs.getString("status"),
                rs.getString("site_code"),
                CaseStore.arrayOf(rs, "sections_filled").stream()
                    .map(Section::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Section.class))),
                rs.getInt("warning_count"),
                rs.getString("clinical_stage"),
                rs.getString("pathological_stage"),
                rs.getBoolean("demo"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"),
                SignOff.valueOf(rs.getString("sign_off"))));
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
