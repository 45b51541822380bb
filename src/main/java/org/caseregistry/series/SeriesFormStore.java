package org.caseregistry.series;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseregistry.form.FormChanges;
import org.caseregistry.form.FormDefinition;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Form versions as JSON documents, one row each; a version is written once and never changed. */
@Repository
class SeriesFormStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final NamedParameterJdbcTemplate jdbc;

  SeriesFormStore(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<FormVersion> latest(long seriesId) {
    return jdbc
        .query(
            "select * from series_form where series_id = :series order by version desc limit 1",
            Map.of("series", seriesId),
            SeriesFormStore::map)
        .stream()
        .findFirst();
  }

  List<FormVersion> all(long seriesId) {
    return jdbc.query(
        "select * from series_form where series_id = :series order by version desc",
        Map.of("series", seriesId),
        SeriesFormStore::map);
  }

  Optional<FormVersion> version(long seriesId, int version) {
    return jdbc
        .query(
            "select * from series_form where series_id = :series and version = :version",
            Map.of("series", seriesId, "version", version),
            SeriesFormStore::map)
        .stream()
        .findFirst();
  }

  /** The current form of every series that has one (one statement, for lists across series). */
  Map<Long, FormDefinition> latestOfAll() {
    Map<Long, FormDefinition> forms = new LinkedHashMap<>();
    jdbc.query(
        "select distinct on (series_id) * from series_form order by series_id, version desc",
        rs -> {
          forms.put(rs.getLong("series_id"), map(rs, 0).definition());
        });
    return forms;
  }

  /**
   * Writes a new version; false when another save took that version number first (the caller
   * answers with a conflict).
   */
  boolean insert(
      long seriesId,
      int version,
      FormDefinition definition,
      List<FormChanges.Change> changes,
      String username) {
    try {
      jdbc.update(
          "insert into series_form (series_id, version, definition, summary, created_by) values"
              + " (:series, :version, cast(:definition as jsonb), :summary, :user)",
          new MapSqlParameterSource()
              .addValue("series", seriesId)
              .addValue("version", version)
              .addValue("definition", JSON.writeValueAsString(definition))
              .addValue("summary", JSON.writeValueAsString(changes))
              .addValue("user", username));
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  private static FormVersion map(ResultSet rs, int row) throws SQLException {
    return new FormVersion(
        rs.getLong("series_id"),
        rs.getInt("version"),
        JSON.readValue(rs.getString("definition"), FormDefinition.class),
        JSON.readValue(rs.getString("summary"), new TypeReference<List<FormChanges.Change>>() {}),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}
