package org.caseregistry.cases.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseregistry.cases.CustomData;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldValues;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.EditConflictException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the values of custom sections: one JSON object per single section of a case and
 * per item of a repeating section, typed by the series' form when read. Every statement is bounded
 * by one case, or by one series for bulk reads.
 *
 * <p>About 340 lines on purpose: the reads and the writes of the two tables ({@code
 * case_custom_section}, {@code case_custom_item}) share the JSON mapping and the optimistic-lock
 * checks, and each statement sits next to the one it mirrors (single and item, one and many).
 */
@Repository
public class CustomValueStore {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final NamedParameterJdbcTemplate jdbc;

  CustomValueStore(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public CustomData load(long caseId, FormDefinition form) {
    if (form.sections().isEmpty()) {
      return CustomData.EMPTY; // a series without custom sections costs no statement
    }
    Map<String, SectionValues> singles = new LinkedHashMap<>();
    jdbc.query(
        "select * from case_custom_section where case_id = :case",
        Map.of("case", caseId),
        rs -> {
          singles.put(rs.getString("section_key"), map(rs, form, null));
        });
    Map<String, List<SectionValues>> items = new LinkedHashMap<>();
    jdbc.query(
        "select * from case_custom_item where case_id = :case order by section_key, position, id",
        Map.of("case", caseId),
        rs -> {
          items
              .computeIfAbsent(rs.getString("section_key"), key -> new ArrayList<>())
              .add(map(rs, form, rs.getLong("id")));
        });
    return new CustomData(singles, items);
  }

  /** The custom values of many cases of one series: two statements, whatever their number. */
  public Map<Long, CustomData> loadSeries(long seriesId, Set<Long> caseIds, FormDefinition form) {
    if (form.sections().isEmpty()) {
      return Map.of();
    }
    Map<Long, Map<String, SectionValues>> singles = new LinkedHashMap<>();
    Map<Long, Map<String, List<SectionValues>>> items = new LinkedHashMap<>();
    jdbc.query(
        "select t.* from case_custom_section t join surgical_case c on c.id = t.case_id"
            + " where c.series_id = :series",
        Map.of("series", seriesId),
        rs -> {
          long caseId = rs.getLong("case_id");
          if (caseIds.contains(caseId)) {
            singles
                .computeIfAbsent(caseId, id -> new LinkedHashMap<>())
                .put(rs.getString("section_key"), map(rs, form, null));
          }
        });
    jdbc.query(
        "select t.* from case_custom_item t join surgical_case c on c.id = t.case_id"
            + " where c.series_id = :series order by t.case_id, t.section_key, t.position, t.id",
        Map.of("series", seriesId),
        rs -> {
          long caseId = rs.getLong("case_id");
          if (caseIds.contains(caseId)) {
            items
                .computeIfAbsent(caseId, id -> new LinkedHashMap<>())
                .computeIfAbsent(rs.getString("section_key"), key -> new ArrayList<>())
                .add(map(rs, form, rs.getLong("id")));
          }
        });
    Map<Long, CustomData> loaded = new LinkedHashMap<>();
    for (Long caseId : caseIds) {
      loaded.put(
          caseId,
          new CustomData(
              singles.getOrDefault(caseId, Map.of()), items.getOrDefault(caseId, Map.of())));
    }
    return loaded;
  }

  /** Writes a single section if its stored version is still {@code expectedVersion}. */
  public void saveSingle(
      long caseId, String key, SectionValues values, int expectedVersion, String user) {
    MapSqlParameterSource params =
        parameters(values)
            .addValue("case", caseId)
            .addValue("key", key)
            .addValue("user", user)
            .addValue("version", expectedVersion);
    int written =
        expectedVersion == 0
            ? jdbc.update(
                "insert into case_custom_section (case_id, section_key, field_values,"
                    + " missing_reasons, version, updated_by) values (:case, :key,"
                    + " cast(:values as jsonb), cast(:missing as jsonb), 1, :user)"
                    + " on conflict (case_id, section_key) do nothing",
                params)
            : jdbc.update(
                "update case_custom_section set field_values = cast(:values as jsonb),"
                    + " missing_reasons = cast(:missing as jsonb), version = version + 1,"
                    + " updated_at = now(), updated_by = :user"
                    + " where case_id = :case and section_key = :key and version = :version",
                params);
    if (written == 0) {
      throw new EditConflictException();
    }
  }

  /**
   * Stores a section's values again after another section's save changed its calculations. Like the
   * derived values of a case, they follow from what was saved and do not count as a new version of
   * their section.
   */
  public void storeCalculated(long caseId, String key, Map<String, Object> values, String user) {
    jdbc.update(
        "insert into case_custom_section (case_id, section_key, field_values, version,"
            + " updated_by) values (:case, :key, cast(:values as jsonb), 1, :user)"
            + " on conflict (case_id, section_key) do update set field_values ="
            + " excluded.field_values",
        new MapSqlParameterSource()
            .addValue("case", caseId)
            .addValue("key", key)
            .addValue("values", JSON.writeValueAsString(stored(values)))
            .addValue("user", user));
  }

  /** One single custom section of a case to write, whatever its stored version. */
  public record Upsert(long caseId, String key, SectionValues values) {}

  /**
   * Writes many single sections in one batch (imports): new rows at version 1, stored ones a
   * version further. The caller holds the cases (the import's transaction checked their revisions).
   */
  public void upsertAll(List<Upsert> upserts, String user) {
    if (upserts.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into case_custom_section (case_id, section_key, field_values, missing_reasons,"
            + " version, updated_by) values (:case, :key, cast(:values as jsonb),"
            + " cast(:missing as jsonb), 1, :user) on conflict (case_id, section_key) do update"
            + " set field_values = excluded.field_values, missing_reasons ="
            + " excluded.missing_reasons, version = case_custom_section.version + 1, updated_at ="
            + " now(), updated_by = excluded.updated_by",
        upserts.stream()
            .map(
                upsert ->
                    parameters(upsert.values())
                        .addValue("case", upsert.caseId())
                        .addValue("key", upsert.key())
                        .addValue("user", user))
            .toArray(MapSqlParameterSource[]::new));
  }

  /** Ids for new items, drawn in one statement, so that their audit entries can name them. */
  public long[] nextItemIds(int count) {
    if (count == 0) {
      return new long[0];
    }
    return jdbc
        .queryForList(
            "select nextval(pg_get_serial_sequence('case_custom_item', 'id'))"
                + " from generate_series(1, :count)",
            Map.of("count", count),
            Long.class)
        .stream()
        .mapToLong(Long::longValue)
        .toArray();
  }

  /** One item of a repeating custom section an import writes; its id drawn beforehand. */
  public record ItemWrite(long id, long caseId, String key, SectionValues values) {}

  /**
   * Writes the items of an import in batches: removed ones and changed ones only at the version
   * read (else a conflict, and the import's transaction rolls back), added ones after the case's
   * last item of their section.
   */
  public void writeItems(
      List<ItemWrite> added, List<ItemWrite> changed, List<ItemWrite> removed, String user) {
    if (!removed.isEmpty()) {
      requireAll(
          jdbc.batchUpdate(
              "delete from case_custom_item where id = :id and case_id = :case and section_key ="
                  + " :key and version = :version",
              removed.stream()
                  .map(item -> itemParameters(item, user))
                  .toArray(MapSqlParameterSource[]::new)));
    }
    if (!changed.isEmpty()) {
      requireAll(
          jdbc.batchUpdate(
              "update case_custom_item set field_values = cast(:values as jsonb), missing_reasons"
                  + " = cast(:missing as jsonb), version = version + 1, updated_at = now(),"
                  + " updated_by = :user where id = :id and case_id = :case and section_key ="
                  + " :key and version = :version",
              changed.stream()
                  .map(item -> itemParameters(item, user))
                  .toArray(MapSqlParameterSource[]::new)));
    }
    if (!added.isEmpty()) {
      jdbc.batchUpdate(
          "insert into case_custom_item (id, case_id, section_key, position, field_values,"
              + " missing_reasons, version, updated_by) values (:id, :case, :key, (select"
              + " coalesce(max(position), 0) + 1 from case_custom_item where case_id = :case and"
              + " section_key = :key), cast(:values as jsonb), cast(:missing as jsonb), 1, :user)",
          added.stream()
              .map(item -> itemParameters(item, user))
              .toArray(MapSqlParameterSource[]::new));
    }
  }

  private static MapSqlParameterSource itemParameters(ItemWrite item, String user) {
    return parameters(item.values())
        .addValue("id", item.id())
        .addValue("case", item.caseId())
        .addValue("key", item.key())
        .addValue("version", item.values().version())
        .addValue("user", user);
  }

  private static void requireAll(int[] counts) {
    for (int count : counts) {
      if (count != 1) {
        throw new EditConflictException();
      }
    }
  }

  public long addItem(long caseId, String key, SectionValues values, String user) {
    KeyHolder generated = new GeneratedKeyHolder();
    jdbc.update(
        "insert into case_custom_item (case_id, section_key, position, field_values,"
            + " missing_reasons, version, updated_by) values (:case, :key, (select"
            + " coalesce(max(position), 0) + 1 from case_custom_item where case_id = :case and"
            + " section_key = :key), cast(:values as jsonb), cast(:missing as jsonb), 1, :user)",
        parameters(values).addValue("case", caseId).addValue("key", key).addValue("user", user),
        generated,
        new String[] {"id"});
    return generated.getKey().longValue();
  }

  public void updateItem(
      long caseId,
      String key,
      long itemId,
      SectionValues values,
      int expectedVersion,
      String user) {
    int written =
        jdbc.update(
            "update case_custom_item set field_values = cast(:values as jsonb), missing_reasons ="
                + " cast(:missing as jsonb), version = version + 1, updated_at = now(),"
                + " updated_by = :user where id = :id and case_id = :case and section_key = :key"
                + " and version = :version",
            parameters(values)
                .addValue("case", caseId)
                .addValue("key", key)
                .addValue("id", itemId)
                .addValue("user", user)
                .addValue("version", expectedVersion));
    if (written == 0) {
      throw new EditConflictException();
    }
  }

  public void deleteItem(long caseId, String key, long itemId, int expectedVersion) {
    int deleted =
        jdbc.update(
            "delete from case_custom_item where id = :id and case_id = :case and section_key ="
                + " :key and version = :version",
            Map.of("id", itemId, "case", caseId, "key", key, "version", expectedVersion));
    if (deleted == 0) {
      throw new EditConflictException();
    }
  }

  private static MapSqlParameterSource parameters(SectionValues values) {
    Map<String, String> missing = new LinkedHashMap<>();
    values.missing().forEach((name, reason) -> missing.put(name, reason.name()));
    return new MapSqlParameterSource()
        .addValue("values", JSON.writeValueAsString(stored(values.values())))
        .addValue("missing", JSON.writeValueAsString(missing));
  }

  /** Blank values are left out of the JSON: absent and blank are the same. */
  private static Map<String, Object> stored(Map<String, Object> values) {
    Map<String, Object> stored = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (value != null && !(value instanceof Collection<?> codes && codes.isEmpty())) {
            stored.put(name, FieldValues.toStored(value));
          }
        });
    return stored;
  }

  private static SectionValues map(ResultSet rs, FormDefinition form, Long itemId)
      throws SQLException {
    Map<String, Object> raw =
        JSON.readValue(rs.getString("field_values"), new TypeReference<Map<String, Object>>() {});
    Map<String, Object> values = new LinkedHashMap<>();
    raw.forEach(
        (name, value) -> {
          FieldDefinition field = form.field(name).orElse(null);
          values.put(name, FieldValues.fromStored(field, value));
        });
    Map<String, String> stored =
        JSON.readValue(
            rs.getString("missing_reasons"), new TypeReference<Map<String, String>>() {});
    Map<String, MissingReason> missing = new LinkedHashMap<>();
    stored.forEach((name, reason) -> missing.put(name, MissingReason.valueOf(reason)));
    return new SectionValues(itemId, rs.getInt("version"), values, missing);
  }
}
