package org.caseregistry.freeze;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseregistry.report.ReportSnapshot;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores and reads frozen datasets; a fixed number of statements per call. */
@Repository
class FrozenDatasetStore {

  private static final String SELECT =
      "select id, series_id, name, site_ids, case_count, frozen_by, frozen_at, status,"
          + " withdrawal_reason, withdrawn_by, withdrawn_at from frozen_dataset";

  private final NamedParameterJdbcTemplate jdbc;

  FrozenDatasetStore(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A file with its checksum, ready to store. */
  record NewFile(ReportSnapshot.File file, String sha256) {}

  boolean nameTaken(long seriesId, String name) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from frozen_dataset where series_id = :series"
                + " and lower(name) = lower(:name)",
            new MapSqlParameterSource().addValue("series", seriesId).addValue("name", name),
            Integer.class);
    return count != null && count > 0;
  }

  /** Everything in one transaction: the dataset exists whole or not at all. */
  @Transactional
  long insert(
      long seriesId,
      String name,
      Set<Long> siteIds,
      String user,
      List<NewFile> files,
      List<ReportSnapshot.CoveredCase> cases) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        "insert into frozen_dataset (series_id, name, site_ids, case_count, frozen_by)"
            + " values (:series, :name, cast(:sites as bigint[]), :count, :user)",
        new MapSqlParameterSource()
            .addValue("series", seriesId)
            .addValue("name", name)
            .addValue("sites", siteIds.toArray(Long[]::new))
            .addValue("count", cases.size())
            .addValue("user", user),
        key,
        new String[] {"id"});
    long id = key.getKey().longValue();
    jdbc.batchUpdate(
        "insert into frozen_dataset_file (dataset_id, name, content_type, size_bytes, sha256,"
            + " content) values (:id, :name, :type, :size, :sha, :content)",
        files.stream()
            .map(
                file ->
                    new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("name", file.file().name())
                        .addValue("type", file.file().contentType())
                        .addValue("size", (long) file.file().content().length)
                        .addValue("sha", file.sha256())
                        .addValue("content", file.file().content()))
            .toArray(SqlParameterSource[]::new));
    jdbc.batchUpdate(
        "insert into frozen_dataset_case (dataset_id, case_id, study_code, site_code, sign_off)"
            + " values (:id, :case, :code, :site, :signOff)",
        cases.stream()
            .map(
                c ->
                    new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("case", c.caseId())
                        .addValue("code", c.studyCode())
                        .addValue("site", c.siteCode())
                        .addValue("signOff", c.signOff()))
            .toArray(SqlParameterSource[]::new));
    return id;
  }

  List<FrozenDataset> ofSeries(long seriesId) {
    return jdbc.query(
        SELECT + " where series_id = :series order by frozen_at desc, id desc",
        Map.of("series", seriesId),
        (rs, row) -> dataset(rs));
  }

  Optional<FrozenDataset> find(long id) {
    return jdbc
        .query(SELECT + " where id = :id", Map.of("id", id), (rs, row) -> dataset(rs))
        .stream()
        .findFirst()
        .map(
            dataset ->
                dataset.with(
                    jdbc.query(
                        "select id, name, content_type, size_bytes, sha256 from"
                            + " frozen_dataset_file where dataset_id = :id order by id",
                        Map.of("id", id),
                        (rs, row) ->
                            new FrozenDataset.StoredFile(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getString(5))),
                    jdbc.query(
                        "select case_id, study_code, site_code, sign_off from frozen_dataset_case"
                            + " where dataset_id = :id"
                            + " order by length(study_code), lower(study_code), case_id",
                        Map.of("id", id),
                        (rs, row) ->
                            new FrozenDataset.Case(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4)))));
  }

  /** The stored bytes of one file, exactly as frozen. */
  Optional<byte[]> content(long datasetId, String name) {
    return jdbc
        .query(
            "select content from frozen_dataset_file where dataset_id = :id and name = :name",
            new MapSqlParameterSource().addValue("id", datasetId).addValue("name", name),
            (rs, row) -> rs.getBytes(1))
        .stream()
        .findFirst();
  }

  /** Only an active dataset is withdrawn; answers false when it was already. */
  boolean withdraw(long id, String reason, String user) {
    return jdbc.update(
            "update frozen_dataset set status = 'WITHDRAWN', withdrawal_reason = :reason,"
                + " withdrawn_by = :user, withdrawn_at = now() where id = :id"
                + " and status = 'ACTIVE'",
            new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("reason", reason)
                .addValue("user", user))
        > 0;
  }

  private static FrozenDataset dataset(ResultSet rs) throws SQLException {
    Array sites = rs.getArray("site_ids");
    Set<Long> siteIds = new HashSet<>(Arrays.asList((Long[]) sites.getArray()));
    return new FrozenDataset(
        rs.getLong("id"),
        rs.getLong("series_id"),
        rs.getString("name"),
        siteIds,
        rs.getInt("case_count"),
        rs.getString("frozen_by"),
        instant(rs, "frozen_at"),
        "WITHDRAWN".equals(rs.getString("status")),
        rs.getString("withdrawal_reason"),
        rs.getString("withdrawn_by"),
        instant(rs, "withdrawn_at"),
        List.of(),
        List.of());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
