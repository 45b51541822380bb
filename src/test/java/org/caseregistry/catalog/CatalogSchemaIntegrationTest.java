package org.caseregistry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The section tables hold exactly one column of the right type per catalog variable. */
@IntegrationTest
class CatalogSchemaIntegrationTest {

  private static final Set<String> BOOKKEEPING =
      Set.of("id", "case_id", "position", "missing_reasons", "version", "updated_at", "updated_by");

  @Autowired JdbcTemplate jdbc;

  @Test
  void everySectionTableMatchesTheCatalog() {
    for (Section section : Section.values()) {
      Map<String, String> columns = new TreeMap<>();
      List<Map<String, Object>> rows =
          jdbc.queryForList(
              "select column_name, data_type, character_maximum_length from"
                  + " information_schema.columns where table_schema = 'public' and table_name = ?",
              section.table());
      for (Map<String, Object> row : rows) {
        String name = (String) row.get("column_name");
        if (!BOOKKEEPING.contains(name)) {
          columns.put(name, row.get("data_type") + "/" + row.get("character_maximum_length"));
        }
      }
      Map<String, String> expected = new TreeMap<>();
      for (Variable variable : CaseVariables.of(section)) {
        expected.put(
            variable.name(),
            switch (variable.type()) {
              case CODE -> "character varying/40";
              case INTEGER -> "integer/null";
              case DECIMAL -> "numeric/null";
              case DATE -> "date/null";
              case TEXT -> "character varying/" + variable.maxLength();
            });
      }
      assertThat(columns).as(section.table()).isEqualTo(expected);
    }
  }
}
