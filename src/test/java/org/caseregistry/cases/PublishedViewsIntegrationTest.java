package org.caseregistry.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.catalog.Section;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The views cases publishes of its tables (Flyway V57) are complete, plain projections that
 * PostgreSQL inlines (the plan through a view is the plan on its table, an unused left join removed
 * as before), and read-only.
 */
@IntegrationTest
class PublishedViewsIntegrationTest {

  /** Bookkeeping of every section table that readers never see. */
  private static final Set<String> ROW_BOOKKEEPING = Set.of("version", "updated_at", "updated_by");

  /** Columns of surgical_case that are cases' own business: locking, revision, withdrawal. */
  private static final Set<String> CASE_NOT_PUBLISHED =
      Set.of(
          "version",
          "revision",
          "created_by",
          "updated_at",
          "updated_by",
          "demo",
          "withdrawal_reason",
          "withdrawn_at",
          "withdrawn_by",
          "sign_off_at",
          "sign_off_by");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired JdbcTemplate jdbc;

  /** Each published view and the storage table it shows. */
  private static Map<String, String> views() {
    Map<String, String> views = new LinkedHashMap<>();
    views.put("case_view", "surgical_case");
    for (Section section : Section.values()) {
      views.put(section.view(), section.table());
    }
    views.put("case_custom_section_view", "case_custom_section");
    views.put("case_custom_item_view", "case_custom_item");
    return views;
  }

  @Test
  void everyViewShowsEveryColumnOfItsTableButTheBookkeeping() {
    views()
        .forEach(
            (view, table) -> {
              List<String> expected =
                  columns(table).stream()
                      .filter(
                          column ->
                              !(table.equals("surgical_case")
                                      ? CASE_NOT_PUBLISHED
                                      : ROW_BOOKKEEPING)
                                  .contains(column))
                      .toList();
              assertThat(columns(view)).as(view).containsExactlyInAnyOrderElementsOf(expected);
              assertThat(
                      jdbc.queryForObject(
                          "select count(*) from information_schema.views"
                              + " where table_schema = 'public' and table_name = ?",
                          Long.class,
                          view))
                  .as(view + " is a view")
                  .isEqualTo(1);
            });
  }

  @Test
  void aViewIsPlannedAsItsTable() {
    views()
        .forEach(
            (view, table) -> {
              String key = table.equals("surgical_case") ? "id" : "case_id";
              String throughView =
                  "select x.* from hospital_site h join " + view + " x on x." + key + " = h.id";
              assertThat(plan(throughView))
                  .as(view)
                  .isEqualTo(plan(throughView.replace(" " + view + " ", " " + table + " ")));
            });
    // An unused left join of a one-row-per-case view is removed, as that of its table is.
    for (Section section : Section.values()) {
      if (!section.isList()) {
        assertThat(
                plan(
                    "select count(*) from case_view c left join "
                        + section.view()
                        + " s on s.case_id = c.id where c.series_id = 1"))
            .as(section.view())
            .doesNotContain(section.table());
      }
    }
    // The case list's and reports' indexes are used through the view as on the table. (Which of
    // two indexes the planner picks for this page depends on the statistics of whatever the other
    // tests left in the shared database, so the plan is compared with the table's, not named.)
    String listPage =
        "select id from case_view where series_id = 1"
            + " order by length(study_code), lower(study_code), id limit 25";
    assertThat(plan(listPage, true))
        .isEqualTo(plan(listPage.replace(" case_view ", " surgical_case "), true))
        .contains("Index Scan surgical_case surgical_case_");
  }

  @Test
  void aWriteThroughAViewIsRefused() {
    for (String view : views().keySet()) {
      assertThatThrownBy(() -> jdbc.update("insert into " + view + " default values"))
          .as(view)
          .hasMessageContaining(view + " is a read-only view of case data");
    }
  }

  private List<String> columns(String relation) {
    return jdbc.queryForList(
        "select column_name from information_schema.columns"
            + " where table_schema = 'public' and table_name = ?",
        String.class,
        relation);
  }

  private String plan(String sql) {
    return plan(sql, false);
  }

  /**
   * The plan's shape: each node's type, join type, strategy, relation and index, without costs and
   * without aliases (a view's table is shown under its own name). With {@code indexesOnly}, as if
   * the tables were large.
   */
  private String plan(String sql, boolean indexesOnly) {
    String json =
        jdbc.execute(
            (ConnectionCallback<String>)
                (Connection connection) -> {
                  boolean autoCommit = connection.getAutoCommit();
                  connection.setAutoCommit(false);
                  try (Statement statement = connection.createStatement()) {
                    if (indexesOnly) {
                      // Plain index scans only: with what other tests leave in the shared
                      // database the planner sometimes preferred a bitmap scan of another index.
                      statement.execute("set local enable_seqscan = off");
                      statement.execute("set local enable_bitmapscan = off");
                    }
                    try (ResultSet rs =
                        statement.executeQuery("explain (costs off, format json) " + sql)) {
                      rs.next();
                      return rs.getString(1);
                    }
                  } finally {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                  }
                });
    StringBuilder shape = new StringBuilder();
    shape(JSON.readTree(json).get(0).get("Plan"), 0, shape);
    return shape.toString();
  }

  private static void shape(JsonNode node, int depth, StringBuilder shape) {
    shape.append("  ".repeat(depth));
    for (String key :
        List.of("Node Type", "Join Type", "Strategy", "Relation Name", "Index Name")) {
      if (node.has(key)) {
        shape.append(node.get(key).asString()).append(' ');
      }
    }
    shape.append('\n');
    if (node.has("Plans")) {
      node.get("Plans").forEach(child -> shape(child, depth + 1, shape));
    }
  }
}
