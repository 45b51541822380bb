package org.caseregistry.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseService;
import org.caseregistry.query.QueryService.Outcome;
import org.caseregistry.series.SeriesService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks' warnings as the data cleaning sees them: one query raised for each case of a series
 * with a warning of a kind, or a warning confirmed as correct. Who may: as for {@link
 * QueryService}'s steps (coordinators and admins, on cases they may change).
 */
@Service
public class WarningQueries {

  private final QueryStore store;
  private final ConfirmedWarnings confirmations;
  private final WritableCases writableCases;
  private final CaseService cases;
  private final SeriesService seriesService;

  WarningQueries(
      QueryStore store,
      ConfirmedWarnings confirmations,
      WritableCases writableCases,
      CaseService cases,
      SeriesService seriesService) {
    this.store = store;
    this.confirmations = confirmations;
    this.writableCases = writableCases;
    this.cases = cases;
    this.seriesService = seriesService;
  }

  /**
   * One query for every case of the series (at the account's sites) that has a warning of this
   * kind, e.g. "pn-mismatch": none for a case that already has one on that warning not closed, nor
   * for a warning confirmed as correct, nor on a locked case. A fixed number of statements.
   */
  @Transactional
  public QueryService.BulkOutcome raiseForWarning(
      long seriesId, String kind, String question, CurrentAccount account) {
    QueryPolicy.requireRaise(account);
    seriesService.visible(seriesId, account);
    String text = QueryText.clean(question);
    if (text == null
        || text.length() > QueryService.QUESTION_MAX
        || QueryText.hasControlCharacters(text)
        || QueryText.clean(kind) == null) {
      throw new IllegalArgumentException("A question of at most 4000 characters is needed");
    }
    List<Map.Entry<Long, String>> found =
        store.casesWithWarning(seriesId, kind.strip(), QueryPolicy.sitesOf(account));
    List<QueryStore.Raise> raises = new ArrayList<>();
    for (Map.Entry<Long, String> warning : found) {
      WarningTargets.Target target = WarningTargets.of(warning.getValue());
      raises.add(
          new QueryStore.Raise(
              warning.getKey(), target.section(), target.variable(), warning.getValue()));
    }
    Map<Long, Long> created = store.insertAll(seriesId, raises, text, account.username());
    cases.recordQuerySteps(
        seriesId,
        created.entrySet().stream()
            .map(
                entry ->
                    new CaseService.QueryStep(
                        entry.getKey(), entry.getValue(), AuditAction.QUERY_OPEN, text))
            .toList(),
        account);
    return new QueryService.BulkOutcome(created.size(), raises.size() - created.size());
  }

  /**
   * Confirms a warning of the case as correct: it stays in the audit trail and the dataset, and no
   * longer counts as open on the data-quality page and the dashboard.
   */
  @Transactional
  public Outcome confirmWarning(long caseId, String code, String reason, CurrentAccount account) {
    QueryPolicy.requireRaise(account);
    writableCases.get(caseId, account);
    String why = QueryText.clean(reason);
    if (why == null) {
      return Outcome.refused("reason", "warning.confirm.reason-required");
    }
    Optional<Outcome> refused = QueryText.refusal("reason", why, QueryService.REASON_MAX);
    if (refused.isPresent()) {
      return refused.get();
    }
    boolean present =
        code != null
            && cases.view(caseId, account).derived().warnings().stream()
                .anyMatch(warning -> warning.storedCode().equals(code));
    if (!present) {
      return Outcome.refused("code", "warning.confirm.not-present");
    }
    if (confirmations.confirm(caseId, code, why, account.username())) {
      cases.recordQueryStep(caseId, AuditAction.WARNING_CONFIRM, code, null, why, account, null);
    }
    return new Outcome(null, List.of());
  }
}
