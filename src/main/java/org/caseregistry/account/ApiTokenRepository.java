package org.caseregistry.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

  /** Who a token speaks for: the token must not be revoked and its account must be active. */
  @Query(
      "select new org.caseregistry.account.ApiTokenHolder(t.id, a.id, a.username, a.role)"
          + " from ApiToken t, Account a where a.id = t.accountId and t.tokenHash = ?1"
          + " and t.revokedAt is null and a.active = true")
  Optional<ApiTokenHolder> findHolder(String tokenHash);

  @Query("select t from ApiToken t where t.accountId = ?1 order by t.createdAt desc, t.id desc")
  List<ApiToken> findByAccount(long accountId);

  @Query("select t from ApiToken t where t.id = ?1 and t.accountId = ?2")
  Optional<ApiToken> findOwn(long tokenId, long accountId);

  /** At most one write a minute per token, however many requests it makes. */
  @Modifying
  @Query(
      "update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1 and (t.lastUsedAt is null or"
          + " t.lastUsedAt < ?3)")
  int recordUse(long tokenId, Instant now, Instant notSince);

  /** Revokes every token of the account still in force (deactivation): for good. */
  @Modifying
  @Query("update ApiToken t set t.revokedAt = ?2 where t.accountId = ?1 and t.revokedAt is null")
  int revokeAllOf(long accountId, Instant now);
}
