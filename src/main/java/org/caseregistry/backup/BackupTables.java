package org.caseregistry.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a backup reads of the database's catalogue: the application's tables in an order that
 * restores parents before children, their row counts, and the schema version Flyway applied.
 */
final class BackupTables {

  private static final String SCHEMA_HISTORY = "flyway_schema_history";

  private BackupTables() {}

  /**
   * Not registry data: sign-in sessions and uploads waiting for their commit are short-lived
   * working state (a restored registry starts without them: everyone signs in again, and a backup
   * never holds session secrets); the case counts, per-value counts and dashboard counts are
   * rebuilt by their triggers as the cases are restored.
   */
  static final Set<String> TRANSIENT_TABLES =
      Set.of(
          "spring_session",
          "spring_session_attributes",
          "import_upload",
          "case_count",
          "case_value_count",
          "case_custom_value_count",
          "case_dashboard_count");

  /** The application's tables, each after the tables its foreign keys point to. */
  static List<String> tablesParentsFirst(Connection connection) throws SQLException {
    Set<String> tables = new LinkedHashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE' AND table_name <> '"
                    + SCHEMA_HISTORY
                    + "' ORDER BY table_name")) {
      while (rs.next()) {
        if (!TRANSIENT_TABLES.contains(rs.getString(1))) {
          tables.add(rs.getString(1));
        }
      }
    }
    Map<String, Set<String>> parents = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT DISTINCT child.relname, parent.relname FROM pg_constraint c"
                    + " JOIN pg_class child ON child.oid = c.conrelid"
                    + " JOIN pg_class parent ON parent.oid = c.confrelid"
                    + " JOIN pg_namespace n ON n.oid = child.relnamespace"
                    + " WHERE c.contype = 'f' AND n.nspname = 'public'")) {
      while (rs.next()) {
        if (!rs.getString(1).equals(rs.getString(2))) {
          parents
              .computeIfAbsent(rs.getString(1), key -> new LinkedHashSet<>())
              .add(rs.getString(2));
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (placed.size() < tables.size()) {
      boolean progress = false;
      for (String table : tables) {
        if (!placed.contains(table) && placed.containsAll(parents.getOrDefault(table, Set.of()))) {
          placed.add(table);
          ordered.add(table);
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("Foreign keys form a cycle among " + tables);
      }
    }
    return ordered;
  }

  static String schemaVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT version FROM "
                    + SCHEMA_HISTORY
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC"
                    + " LIMIT 1")) {
      if (!rs.next()) {
        throw new IllegalStateException(
            "The database has no schema yet: start the application once");
      }
      return rs.getString(1);
    }
  }

  static long count(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A table's name as SQL text. */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
