package org.caseregistry.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.storage.CaseStore;
import org.caseregistry.catalog.Section;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The statements of one case-list page: its total (kept counts, a capped count for a search, or an
 * exact count where promised), then its rows by number (offset) or after or before a case (keyset).
 */
final class CaseListQuery {

  private final NamedParameterJdbcTemplate jdbc;

  CaseListQuery(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  CaseList.Page find(
      long seriesId,
      CaseList.Filter filter,
      int pageSize,
      CurrentAccount account,
      boolean countAll) {
    CaseListConditions conditions = new CaseListConditions(seriesId, filter, account);
    if (conditions.nothingVisible) {
      return new CaseList.Page(List.of(), 0, 1, 1, true, null, null);
    }
    String joins = conditions.joins;
    StringBuilder where = conditions.where;
    MapSqlParameterSource params = conditions.params;
    long total;
    boolean exact = true;
    if (countAll) {
      total =
          jdbc.queryForObject(
              "select count(*) from surgical_case c" + joins + where, params, Long.class);
    } else if (!conditions.search) {
      total =
          jdbc.queryForObject(
              "select coalesce(sum(n), 0) from case_count" + conditions.counted,
              params,
              Long.class);
    } else {
      total =
          jdbc.queryForObject(
              "select count(*) from (select 1 from surgical_case c"
                  + joins
                  + where
                  + " limit "
                  + (CaseList.SEARCH_COUNT_LIMIT + 1)
                  + ") matches",
              params,
              Long.class);
      if (total > CaseList.SEARCH_COUNT_LIMIT) {
        total = CaseList.SEARCH_COUNT_LIMIT;
        exact = false;
      }
    }
    int pageCount = Math.max(1, (int) ((total + pageSize - 1) / pageSize));
    CaseListSort sort = CaseListSort.named(filter.sortOrDefault());
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
      List<CaseList.Row> rows =
          rows(joins + keyed, sort.orderBy(backwards), pageSize + 1, 0, params);
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
        return new CaseList.Page(List.copyOf(rows), total, page, pageCount, exact, next, previous);
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
    List<CaseList.Row> rows =
        rows(joins + where, sort.orderBy(false), pageSize + 1, offset, params);
    boolean more = rows.size() > pageSize;
    rows = List.copyOf(rows.subList(0, Math.min(pageSize, rows.size())));
    Long next = more ? rows.get(rows.size() - 1).id() : null;
    Long previous = page > 1 && !rows.isEmpty() ? rows.get(0).id() : null;
    if (!exact) {
      pageCount = Math.max(pageCount, page + (more ? 1 : 0));
    }
    return new CaseList.Page(rows, total, page, pageCount, exact, next, previous);
  }

  /**
   * The sort key of a case, to start a page after or before it; null if there is no such case in
   * the series at the account's sites (so that a key never tells anything of a case one may not
   * see).
   */
  private List<Object> key(CaseListSort sort, long caseId, long seriesId, CurrentAccount account) {
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

  private List<CaseList.Row> rows(
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
            new CaseList.Row(
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
}
