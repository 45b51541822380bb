package org.caseregistry.series;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseSeriesRepository extends JpaRepository<CaseSeries, Long> {

  @EntityGraph(attributePaths = "sites")
  @Query("select distinct s from CaseSeries s order by s.title")
  List<CaseSeries> findAllWithSites();

  @EntityGraph(attributePaths = "sites")
  @Query(
      "select distinct s from CaseSeries s where exists (select 1 from CaseSeries t join t.sites"
          + " site where t = s and site.id in ?1) order by s.title")
  List<CaseSeries> findVisibleWithSites(Collection<Long> siteIds);

  // A fetch join, not an entity graph: Hibernate translates a query with a graph to SQL again on
  // every call (its plan is not cached), a measurable share of every page of a series.
  @Query("select s from CaseSeries s left join fetch s.sites where s.id = ?1")
  Optional<CaseSeries> findWithSitesById(long id);

  @Query("select s from CaseSeries s where lower(s.title) = lower(?1)")
  Optional<CaseSeries> findByTitleIgnoreCase(String title);
}
