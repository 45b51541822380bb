package org.caseregistry.cases;

import java.util.EnumMap;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingValueSql;
import org.caseregistry.catalog.Section;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What a case-list filter asks of the database: the conditions on the cases (sites the account does
 * not belong to are filtered here, in the query itself), the same conditions on the kept counts
 * ({@code case_count}) where those can answer, and the parameters of both.
 */
final class CaseListConditions {

  private static final Map<Section, String> ALIASES = new EnumMap<>(Section.class);

  private static final String SECTION_JOINS;

  static {
    StringBuilder joins = new StringBuilder();
    for (Section section : Section.values()) {
      if (!section.isList()) {
        String alias = "s_" + section.slug();
        ALIASES.put(section, alias);
        joins
            .append(" left join ")
            .append(section.table())
            .append(' ')
            .append(alias)
            .append(" on ")
            .append(alias)
            .append(".case_id = c.id");
      }
    }
    SECTION_JOINS = joins.toString();
  }

  /** The conditions on {@code surgical_case c}, starting with " where". */
  final StringBuilder where = new StringBuilder(" where c.series_id = :series");

  /** The same on {@code case_count}, as far as it keeps them. */
  final StringBuilder counted = new StringBuilder(" where series_id = :series");

  final MapSqlParameterSource params;

  /** The joins the conditions need (the sections', for a missing-value filter), or "". */
  String joins = "";

  /** Whether the kept counts cannot answer: the matches are counted (up to a limit). */
  boolean search;

  /** An account of no site sees no case at all. */
  final boolean nothingVisible;

  CaseListConditions(long seriesId, CaseList.Filter filter, CurrentAccount account) {
    params = new MapSqlParameterSource("series", seriesId);
    nothingVisible = !account.isAdmin() && account.siteIds().isEmpty();
    if (!account.isAdmin()) {
      where.append(" and c.site_id in (:allowed)");
      counted.append(" and site_id in (:allowed)");
      params.addValue("allowed", account.siteIds());
    }
    if (filter.siteId() != null) {
      where.append(" and c.site_id = :site");
      counted.append(" and site_id = :site");
      params.addValue("site", filter.siteId());
    }
    if ("ACTIVE".equals(filter.status()) || "WITHDRAWN".equals(filter.status())) {
      where.append(" and c.status = :status");
      counted.append(" and status = :status");
      params.addValue("status", filter.status());
    } else if ("FLAGGED".equals(filter.status())) {
      where.append(" and c.warning_count > 0");
      counted.append(" and flagged");
    }
    if (filter.signOff() != null) {
      where.append(" and c.sign_off = :signOff");
      params.addValue("signOff", filter.signOff().name());
    }
    // The kept counts know no sign-off state: such a filter is counted like a search.
    search = filter.signOff() != null || (filter.query() != null && !filter.query().isBlank());
    if (filter.query() != null && !filter.query().isBlank()) {
      // A prefix search, which the study-code index answers: "BN1" finds BN1, BN10, BN11 …
      where.append(" and lower(c.study_code) like :query escape '\\'");
      params.addValue("query", escapeLike(filter.query().strip().toLowerCase()) + "%");
    }
    if (filter.missingKind().isPresent()) {
      // The data-quality page links here: the same condition as its counts, counted as a search.
      joins = SECTION_JOINS;
      where
          .append(" and (")
          .append(
              MissingValueSql.condition(
                  CaseVariables.get(filter.missing()), filter.missingKind().get(), ALIASES))
          .append(")");
      search = true;
    }
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
