package org.caseregistry.cases.storage;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.caseregistry.cases.CaseSignOff;
import org.caseregistry.cases.SignOff;
import org.caseregistry.platform.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes the sign-off columns of a case; every statement bounded by one case. */
@Repository
public class SignOffStore {

  private final NamedParameterJdbcTemplate jdbc;

  SignOffStore(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Holds the case's row lock until the transaction ends (concurrent saves of one case take turns)
   * and answers its sign-off state as it is under the lock, in the same statement.
   */
  public SignOff lockAndRead(long caseId) {
    return jdbc
        .query(
            "select sign_off from surgical_case where id = :id for update",
            Map.of("id", caseId),
            (rs, row) -> SignOff.valueOf(rs.getString(1)))
        .stream()
        .findFirst()
        .orElseThrow(NotFoundException::new);
  }

  public CaseSignOff read(long caseId) {
    return jdbc
        .query(
            "select sign_off, sign_off_at, sign_off_by from surgical_case where id = :id",
            Map.of("id", caseId),
            (rs, row) ->
                new CaseSignOff(
                    SignOff.valueOf(rs.getString(1)),
                    rs.getObject(2, OffsetDateTime.class) == null
                        ? null
                        : rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getString(3)))
        .stream()
        .findFirst()
        .orElse(CaseSignOff.NONE);
  }

  public void set(long caseId, SignOff state, String user) {
    jdbc.update(
        "update surgical_case set sign_off = :state, sign_off_at = now(), sign_off_by = :user"
            + " where id = :id",
        new MapSqlParameterSource()
            .addValue("state", state.name())
            .addValue("user", user)
            .addValue("id", caseId));
  }

  /** The locked cases of a series (one statement), which imports must leave alone. */
  public Set<Long> lockedCases(long seriesId) {
    return new HashSet<>(
        jdbc.queryForList(
            "select id from surgical_case where series_id = :series and sign_off = 'LOCKED'",
            Map.of("series", seriesId),
            Long.class));
  }

  /**
   * How many active cases of the series (at the given sites; null: all) are in each state, from the
   * kept counts (V55): a few rows whatever the series' size.
   */
  public Map<SignOff, Long> counts(long seriesId, Set<Long> siteIds) {
    Map<SignOff, Long> counts = new EnumMap<>(SignOff.class);
    for (SignOff state : SignOff.values()) {
      counts.put(state, 0L);
    }
    MapSqlParameterSource params = new MapSqlParameterSource("series", seriesId);
    String sites = "";
    if (siteIds != null) {
      sites = " and site_id in (:sites)";
      params.addValue("sites", siteIds.isEmpty() ? Set.of(-1L) : siteIds);
    }
    jdbc.query(
        "select sign_off, sum(n) from case_count where series_id = :series"
            + " and status = 'ACTIVE'"
            + sites
            + " group by sign_off",
        params,
        rs -> {
          counts.put(SignOff.valueOf(rs.getString(1)), rs.getLong(2));
        });
    return counts;
  }
}
