package org.caseregistry.cases;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingValueSql;
import org.caseregistry.catalog.Section;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case list of a series: filtered, searched, sorted and paged in the database with a fixed
 * number of statements whatever the size of the registry (the filter, its rows and pages here; the
 * conditions in {@link CaseListConditions}, the orders in {@link CaseListSort}, the statements in
 * {@link CaseListQuery}). Sites the account does not belong to are filtered in the query itself.
 * Pages near the start are read by number (offset); "next" and "previous" read by the sort key of
 * the page's last or first case (keyset), so a page deep in a large series costs what the first one
 * does. The total comes from the counts kept per series, site and status ({@code case_count}, V37);
 * a search counts its matches only up to {@link #SEARCH_COUNT_LIMIT}.
 */
@Repository
public class CaseList {

  public static final int PAGE_SIZE = 25;

  /** A search shows its exact count up to this many cases, else "more than" it. */
  public static final int SEARCH_COUNT_LIMIT = 1000;

  /**
   * @param after the case whose successor starts the page ("next"), or null
   * @param before the case whose predecessor ends the page ("previous"), or null
   * @param page the page number: read by offset without a case to start from, else only shown
   * @param signOff only cases in this sign-off state; null for any
   * @param missing a variable of a single section: only the cases where it is missing
   * @param reason with {@code missing}: why it is missing (NOT_ENTERED, UNKNOWN, NOT_APPLICABLE)
   */
  public record Filter(
      Long siteId,
      String status,
      String query,
      String sort,
      int page,
      Long after,
      Long before,
      SignOff signOff,
      String missing,
      String reason) {

    public Filter(Long siteId, String status, String query, String sort, int page) {
      this(siteId, status, query, sort, page, null, null, null, null, null);
    }

    public Filter(
        Long siteId, String status, String query, String sort, int page, SignOff signOff) {
      this(siteId, status, query, sort, page, null, null, signOff, null, null);
    }

    public Filter(
        Long siteId, String status, String query, String sort, int page, Long after, Long before) {
      this(siteId, status, query, sort, page, after, before, null, null, null);
    }

    public Filter(
        Long siteId,
        String status,
        String query,
        String sort,
        int page,
        String missing,
        String reason) {
      this(siteId, status, query, sort, page, null, null, null, missing, reason);
    }

    /** The missing-value condition asked for, when it names a variable and a reason. */
    Optional<MissingValueSql.Kind> missingKind() {
      if (missing == null || !CaseVariables.exists(missing)) {
        return Optional.empty();
      }
      if (CaseVariables.get(missing).section().isList()) {
        return Optional.empty();
      }
      return Arrays.stream(MissingValueSql.Kind.values())
          .filter(kind -> kind.name().equals(reason))
          .findFirst();
    }

    /** Whether the list is limited to the cases where a variable is missing (for the page). */
    public boolean isMissingFilter() {
      return missingKind().isPresent();
    }

    public String sortOrDefault() {
      return CaseListSort.exists(sort) ? sort : "code";
    }
  }

  public record Row(
      long id,
      String studyCode,
      String status,
      String siteCode,
      Set<Section> sectionsFilled,
      int warningCount,
      String clinicalStage,
      String pathologicalStage,
      boolean demo,
      Instant updatedAt,
      String updatedBy,
      SignOff signOff) {

    public boolean filled(Section section) {
      return sectionsFilled.contains(section);
    }

    public int completenessPercent() {
      return sectionsFilled.size() * 100 / Section.values().length;
    }
  }

  /**
   * @param totalExact false when a search has more than {@link #SEARCH_COUNT_LIMIT} matches: the
   *     total is then that limit, and the page count a lower bound
   * @param nextAfter the last case of the page when more follow (the "next" link), else null
   * @param previousBefore the first case of the page when cases precede it, else null
   */
  public record Page(
      List<Row> rows,
      long total,
      int page,
      int pageCount,
      boolean totalExact,
      Long nextAfter,
      Long previousBefore) {}

  private final CaseListQuery query;

  CaseList(NamedParameterJdbcTemplate jdbc) {
    this.query = new CaseListQuery(jdbc);
  }

  /** The list page: the total from the kept counts, pages by number or by key. */
  @Transactional(readOnly = true)
  public Page find(long seriesId, Filter filter, CurrentAccount account) {
    return query.find(seriesId, filter, PAGE_SIZE, account, false);
  }

  /**
   * The same list with another page size and an exact total, counted (the REST API lets clients
   * choose the size, up to a limit, and promises the total).
   */
  @Transactional(readOnly = true)
  public Page find(long seriesId, Filter filter, int pageSize, CurrentAccount account) {
    return query.find(seriesId, filter, pageSize, account, true);
  }
}
