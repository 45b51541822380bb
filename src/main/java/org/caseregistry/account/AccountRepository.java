package org.caseregistry.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long>, SignedInStates {

  @Query("select a from Account a where lower(a.username) = lower(?1)")
  Optional<Account> findByUsernameIgnoreCase(String username);

  @EntityGraph(attributePaths = "sites")
  @Query("select a from Account a where a.id = ?1")
  Optional<Account> findWithSitesById(long id);

  @EntityGraph(attributePaths = "sites")
  @Query("select distinct a from Account a order by a.username")
  List<Account> findAllWithSites();

  /** Counted without loading the entity, so failed sign-ins never race an admin's edit. */
  @Modifying
  @Query(
      value =
          "update account set failed_attempts = case when failed_attempts + 1 >= ?2 then 0 else"
              + " failed_attempts + 1 end, locked_until = case when failed_attempts + 1 >= ?2"
              + " then ?3 else locked_until end where lower(username) = lower(?1)",
      nativeQuery = true)
  int recordFailedSignIn(String username, int maxAttempts, java.time.Instant lockUntil);

  @Modifying
  @Query(
      value =
          "update account set failed_attempts = 0, locked_until = null where lower(username) ="
              + " lower(?1) and (failed_attempts <> 0 or locked_until is not null)",
      nativeQuery = true)
  int recordSuccessfulSignIn(String username);
}
