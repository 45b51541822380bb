package org.caseregistry.cases;

import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The sites a read of kept counts covers ({@code k}: the counts' alias): those a reader may see
 * ({@code allowedSites} null: every site; empty: none), and one of them when {@code siteId} is
 * given. Shared by the summary's and the dashboard's counts.
 */
final class CountScope {

  private CountScope() {}

  /** The condition on {@code k.site_id}, its parameters added to {@code params}. */
  static String sites(Set<Long> allowedSites, Long siteId, MapSqlParameterSource params) {
    String sites = "";
    if (allowedSites != null) {
      sites += " and k.site_id in (:allowed)";
      params.addValue("allowed", allowedSites.isEmpty() ? Set.of(-1L) : allowedSites);
    }
    if (siteId != null) {
      sites += " and k.site_id = :site";
      params.addValue("site", siteId);
    }
    return sites;
  }
}
