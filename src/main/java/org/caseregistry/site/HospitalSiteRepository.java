package org.caseregistry.site;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface HospitalSiteRepository extends JpaRepository<HospitalSite, Long> {

  List<HospitalSite> findAllByOrderByCodeAsc();

  List<HospitalSite> findByActiveTrueOrderByCodeAsc();

  List<HospitalSite> findByIdInOrderByCodeAsc(Collection<Long> ids);

  @Query("select s from HospitalSite s where lower(s.code) = lower(?1)")
  Optional<HospitalSite> findByCodeIgnoreCase(String code);

  @Query("select s from HospitalSite s where lower(s.name) = lower(?1)")
  Optional<HospitalSite> findByNameIgnoreCase(String name);
}
