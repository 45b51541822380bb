package org.caseregistry.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.site.HospitalSiteRepository;
import org.caseregistry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The header of a series, read without the entity: what the entity says, access as for it. */
@IntegrationTest
class SeriesHeaderIntegrationTest {

  @Autowired SeriesService seriesService;
  @Autowired CaseSeriesRepository seriesRepository;
  @Autowired HospitalSiteRepository sites;
  @Autowired JdbcTemplate jdbc;

  private HospitalSite site(String code) {
    return sites.saveAndFlush(new HospitalSite(code, "Hospital " + code, "Huế"));
  }

  private static CurrentAccount surgeonOf(HospitalSite... memberOf) {
    Set<Long> ids = Arrays.stream(memberOf).map(HospitalSite::getId).collect(Collectors.toSet());
    return new CurrentAccount(0, "surgeon", "Surgeon", Role.SURGEON, ids);
  }

  @Test
  void theHeaderSaysWhatTheEntitySaysWithTheSitesTheAccountMaySee() {
    HospitalSite lower = site(TestAccounts.unique("a"));
    HospitalSite upper = site(TestAccounts.unique("Z"));
    HospitalSite other = site(TestAccounts.unique("M"));
    CaseSeries series = new CaseSeries("Header <test>");
    series.getSites().addAll(List.of(lower, upper, other));
    long id = seriesRepository.saveAndFlush(series).getId();
    jdbc.update("update case_series set description = 'About it' where id = ?", id);
    CurrentAccount admin = new CurrentAccount(0, "admin", "Admin", Role.ADMIN, Set.of());

    SeriesHeader all = seriesService.visibleHeader(id, admin);
    CaseSeries entity = seriesService.visible(id, admin);

    assertThat(all.id()).isEqualTo(id);
    assertThat(all.title()).isEqualTo(entity.getTitle()).isEqualTo("Header <test>");
    assertThat(all.description()).isEqualTo("About it");
    assertThat(all.demo()).isFalse();
    long demo = jdbc.queryForObject("select id from case_series where demo", Long.class);
    assertThat(seriesService.visibleHeader(demo, admin).demo()).isTrue();
    // The order the list's site filter had when it sorted the entity's sites by code in Java.
    assertThat(all.sites())
        .extracting(SeriesHeader.Site::code)
        .containsExactlyElementsOf(
            entity.getSites().stream()
                .map(HospitalSite::getCode)
                .sorted(Comparator.naturalOrder())
                .toList());
    assertThat(all.sites().get(0).id()).isEqualTo(other.getId());

    assertThat(seriesService.visibleHeader(id, surgeonOf(upper, lower)).sites())
        .extracting(SeriesHeader.Site::id)
        .containsExactly(upper.getId(), lower.getId());
    HospitalSite elsewhere = site(TestAccounts.unique("X"));
    assertThatThrownBy(() -> seriesService.visibleHeader(id, surgeonOf(elsewhere)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> seriesService.visibleHeader(Long.MAX_VALUE, admin))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aSeriesWithoutSitesHasAnEmptyListForAdminsAndIsHiddenFromOthers() {
    long id = seriesRepository.saveAndFlush(new CaseSeries("No sites yet")).getId();

    assertThat(
            seriesService
                .visibleHeader(id, new CurrentAccount(0, "admin", "Admin", Role.ADMIN, Set.of()))
                .sites())
        .isEmpty();
    assertThatThrownBy(() -> seriesService.visibleHeader(id, surgeonOf()))
        .isInstanceOf(NotFoundException.class);
  }
}
