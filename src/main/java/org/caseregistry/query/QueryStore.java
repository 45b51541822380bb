package org.caseregistry.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseregistry.catalog.Section;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes queries and their events. Lists read queries and threads in one statement (a
 * left join ordered by query and event), never one statement per query.
 */
@Repository
class QueryStore {

  /** At most this many queries on a worklist page; the oldest first. */
  static final int WORKLIST_LIMIT = 500;

  private static final String SELECT =
      "select q.id, q.case_id, q.series_id, s.title as series_title, c.study_code, c.site_id,"
          + " h.code as site_code, q.section, q.item_id, q.variable, q.warning_code, q.question,"
          + " q.proposed_value, q.state, q.opened_by, q.opened_at, q.first_answered_at,"
          + " q.closed_at, e.id as e_id, e.action as e_action, e.message as e_message,"
          + " e.old_value as e_old, e.new_value as e_new, e.username as e_user,"
          + " e.created_at as e_at from field_query q join surgical_case c on c.id = q.case_id"
          + " join hospital_site h on h.id = c.site_id join case_series s on s.id = q.series_id"
          + " left join field_query_event e on e.query_id = q.id";

  private final NamedParameterJdbcTemplate jdbc;

  QueryStore(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every query of a case with its thread, oldest first. */
  List<FieldQuery> ofCase(long caseId) {
    return read(
        SELECT + " where q.case_id = :case order by q.opened_at, q.id, e.id",
        new MapSqlParameterSource("case", caseId));
  }

  Optional<FieldQuery> find(long queryId) {
    return read(
            SELECT + " where q.id = :id order by e.id", new MapSqlParameterSource("id", queryId))
        .stream()
        .findFirst();
  }

  /**
   * Queries in the given states at the given sites (null: every site), of one series or of all, of
   * active cases, oldest first, without their threads but with the latest answer.
   */
  List<FieldQuery> worklist(Set<QueryState> states, Set<Long> siteIds, Long seriesId) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("states", states.stream().map(Enum::name).toList());
    StringBuilder where = new StringBuilder(" where q.state in (:states) and c.status = 'ACTIVE'");
    if (siteIds != null) {
      where.append(" and c.site_id in (:sites)");
      params.addValue("sites", siteIds.isEmpty() ? Set.of(-1L) : siteIds);
    }
    if (seriesId != null) {
      where.append(" and q.series_id = :series");
      params.addValue("series", seriesId);
    }
    String sql =
        SELECT.replace(
                " left join field_query_event e on e.query_id = q.id",
                " left join lateral (select * from field_query_event x where x.query_id = q.id"
                    + " and x.action = 'ANSWER' order by x.id desc limit 1) e on true")
            + where
            + " order by q.opened_at, q.id limit "
            + WORKLIST_LIMIT;
    return read(sql, params);
  }

  /** One count statement for the navigation badge. */
  long count(Set<QueryState> states, Set<Long> siteIds) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("states", states.stream().map(Enum::name).toList());
    String sites = "";
    if (siteIds != null) {
      sites = " and c.site_id in (:sites)";
      params.addValue("sites", siteIds.isEmpty() ? Set.of(-1L) : siteIds);
    }
    Long count =
        jdbc.queryForObject(
            "select count(*) from field_query q join surgical_case c on c.id = q.case_id"
                + " where q.state in (:states) and c.status = 'ACTIVE'"
                + sites,
            params,
            Long.class);
    return count == null ? 0 : count;
  }

  /** The query's row, locked for this transaction; its state as it is under the lock. */
  Optional<QueryState> lock(long queryId) {
    return jdbc
        .query(
            "select state from field_query where id = :id for update",
            Map.of("id", queryId),
            (rs, row) -> QueryState.valueOf(rs.getString(1)))
        .stream()
        .findFirst();
  }

  long insert(
      long caseId,
      long seriesId,
      Section section,
      Long itemId,
      String variable,
      String warningCode,
      String question,
      String proposedValue,
      String user) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        "insert into field_query (case_id, series_id, section, item_id, variable, warning_code,"
            + " question, proposed_value, opened_by) values (:case, :series, :section, :item,"
            + " :variable, :warning, :question, :proposed, :user)",
        new MapSqlParameterSource()
            .addValue("case", caseId)
            .addValue("series", seriesId)
            .addValue("section", section == null ? null : section.slug())
            .addValue("item", itemId)
            .addValue("variable", variable)
            .addValue("warning", warningCode)
            .addValue("question", question)
            .addValue("proposed", proposedValue)
            .addValue("user", user),
        key,
        new String[] {"id"});
    return key.getKey().longValue();
  }

  /** A new query to raise in bulk. */
  record Raise(long caseId, Section section, String variable, String warningCode) {}

  /**
   * Raises the queries in one statement, skipping every case that already has a query on the same
   * warning still open or answered (the partial unique index decides, so that two coordinators
   * raising at once cannot duplicate either); answers the ids created, by case.
   */
  Map<Long, Long> insertAll(long seriesId, List<Raise> raises, String question, String user) {
    Map<Long, Long> created = new LinkedHashMap<>();
    if (raises.isEmpty()) {
      return created;
    }
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("series", seriesId)
            .addValue("cases", raises.stream().map(Raise::caseId).toArray(Long[]::new))
            .addValue(
                "sections",
                raises.stream()
                    .map(raise -> raise.section() == null ? null : raise.section().slug())
                    .toArray(String[]::new))
            .addValue("variables", raises.stream().map(Raise::variable).toArray(String[]::new))
            .addValue("codes", raises.stream().map(Raise::warningCode).toArray(String[]::new))
            .addValue("question", question)
            .addValue("user", user);
    jdbc.query(
        "insert into field_query (case_id, series_id, section, variable, warning_code, question,"
            + " opened_by) select r.case_id, :series, r.section, r.variable, r.code, :question,"
            + " :user from unnest(cast(:cases as bigint[]), cast(:sections as varchar[]),"
            + " cast(:variables as varchar[]), cast(:codes as varchar[]))"
            + " as r(case_id, section, variable, code)"
            + " on conflict (case_id, warning_code) where warning_code is not null"
            + " and state <> 'CLOSED' do nothing returning id, case_id",
        params,
        rs -> {
          created.put(rs.getLong("case_id"), rs.getLong("id"));
        });
    if (!created.isEmpty()) {
      jdbc.update(
          "insert into field_query_event (query_id, action, message, username)"
              + " select unnest(cast(:ids as bigint[])), 'OPEN', :question, :user",
          new MapSqlParameterSource()
              .addValue("ids", created.values().toArray(Long[]::new))
              .addValue("question", question)
              .addValue("user", user));
    }
    return created;
  }

  void event(
      long queryId, QueryAction action, String message, String old, String now, String user) {
    jdbc.update(
        "insert into field_query_event (query_id, action, message, old_value, new_value,"
            + " username) values (:query, :action, :message, :old, :new, :user)",
        new MapSqlParameterSource()
            .addValue("query", queryId)
            .addValue("action", action.name())
            .addValue("message", message)
            .addValue("old", old)
            .addValue("new", now)
            .addValue("user", user));
  }

  void setState(long queryId, QueryState state) {
    jdbc.update(
        "update field_query set state = :state, updated_at = now(), version = version + 1,"
            + " first_answered_at = case when :state = 'ANSWERED'"
            + " then coalesce(first_answered_at, now()) else first_answered_at end,"
            + " closed_at = case when :state = 'CLOSED' then now() end where id = :id",
        new MapSqlParameterSource().addValue("state", state.name()).addValue("id", queryId));
  }

  /** Cases of a series that carry a warning whose code starts with the given kind. */
  List<Map.Entry<Long, String>> casesWithWarning(long seriesId, String kind, Set<Long> siteIds) {
    MapSqlParameterSource params =
        new MapSqlParameterSource().addValue("series", seriesId).addValue("kind", kind);
    String sites = "";
    if (siteIds != null) {
      sites = " and c.site_id in (:sites)";
      params.addValue("sites", siteIds.isEmpty() ? Set.of(-1L) : siteIds);
    }
    return jdbc.query(
        "select c.id, w.code from surgical_case c cross join lateral unnest(c.warning_codes)"
            + " as w(code) where c.series_id = :series and c.status = 'ACTIVE'"
            + " and c.sign_off <> 'LOCKED' and split_part(w.code, ':', 1) = :kind"
            + sites
            + " and not exists (select 1 from confirmed_warning cw where cw.case_id = c.id"
            + " and cw.code = w.code) order by c.id",
        params,
        (rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)));
  }

  private List<FieldQuery> read(String sql, MapSqlParameterSource params) {
    Map<Long, FieldQuery> queries = new LinkedHashMap<>();
    Map<Long, List<QueryEvent>> threads = new LinkedHashMap<>();
    jdbc.query(
        sql,
        params,
        rs -> {
          long id = rs.getLong("id");
          if (!queries.containsKey(id)) {
            queries.put(id, query(rs));
            threads.put(id, new ArrayList<>());
          }
          long eventId = rs.getLong("e_id");
          if (!rs.wasNull()) {
            threads
                .get(id)
                .add(
                    new QueryEvent(
                        eventId,
                        id,
                        QueryAction.valueOf(rs.getString("e_action")),
                        rs.getString("e_message"),
                        rs.getString("e_old"),
                        rs.getString("e_new"),
                        rs.getString("e_user"),
                        instant(rs, "e_at")));
          }
        });
    return queries.values().stream().map(q -> q.withEvents(threads.get(q.id()))).toList();
  }

  private static FieldQuery query(ResultSet rs) throws SQLException {
    return new FieldQuery(
        rs.getLong("id"),
        rs.getLong("case_id"),
        rs.getLong("series_id"),
        rs.getString("series_title"),
        rs.getString("study_code"),
        rs.getLong("site_id"),
        rs.getString("site_code"),
        rs.getString("section") == null ? null : Section.fromSlug(rs.getString("section")),
        rs.getObject("item_id", Long.class),
        rs.getString("variable"),
        rs.getString("warning_code"),
        rs.getString("question"),
        rs.getString("proposed_value"),
        QueryState.valueOf(rs.getString("state")),
        rs.getString("opened_by"),
        instant(rs, "opened_at"),
        instant(rs, "first_answered_at"),
        instant(rs, "closed_at"),
        List.of());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
