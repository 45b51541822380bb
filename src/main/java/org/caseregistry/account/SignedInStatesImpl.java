package org.caseregistry.account;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** The fragment of {@link AccountRepository} behind {@link SignedInStates}. */
class SignedInStatesImpl implements SignedInStates {

  private final JdbcTemplate jdbc;

  SignedInStatesImpl(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<State> signedInState(long accountId) {
    List<State> found =
        jdbc.query(
            "select a.id, a.username, a.full_name, a.role, a.active, a.must_change_password,"
                + " a.session_epoch,"
                + " array(select s.site_id from account_site s where s.account_id = a.id) as sites"
                + " from account a where a.id = ?",
            (rs, row) -> {
              Array sites = rs.getArray("sites");
              Set<Long> siteIds;
              try {
                siteIds =
                    Arrays.stream((Long[]) sites.getArray())
                        .collect(Collectors.toUnmodifiableSet());
              } finally {
                sites.free();
              }
              return new State(
                  rs.getLong("id"),
                  rs.getString("username"),
                  rs.getString("full_name"),
                  Role.valueOf(rs.getString("role")),
                  rs.getBoolean("active"),
                  rs.getBoolean("must_change_password"),
                  siteIds,
                  rs.getInt("session_epoch"));
            },
            accountId);
    return found.stream().findFirst();
  }
}
