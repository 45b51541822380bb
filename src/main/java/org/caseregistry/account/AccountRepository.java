package org.caseregistry.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
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
}
