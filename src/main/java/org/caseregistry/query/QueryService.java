package org.caseregistry.query;

import java.util.List;
import java.util.Optional;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.AuditAction;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.SeriesService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Field queries and confirmed warnings: the rules of {@link QueryPolicy} checked for every call,
 * the states (open → answered → closed, re-openable), the thread of events, and the audit lines
 * each step leaves in the case's history. Pages and API ask the same methods. Raising queries for a
 * warning across a series and confirming warnings: {@link WarningQueries}.
 *
 * <p>A little over 300 lines on purpose: the four steps (open, answer, close, re-open) share the
 * lock and the audit lines, and read best side by side; who may do what ({@link QueryPolicy}), the
 * texts' rules ({@link QueryText}) and which cases may be changed ({@link WritableCases}) live
 * apart.
 */
@Service
public class QueryService {

  static final int QUESTION_MAX = 4000;
  static final int VALUE_MAX = 500;
  static final int REASON_MAX = 1000;

  private final QueryStore store;
  private final ConfirmedWarnings confirmations;
  private final QueryMetrics metrics;
  private final WritableCases writableCases;
  private final CaseService cases;
  private final SeriesService seriesService;

  QueryService(
      QueryStore store,
      ConfirmedWarnings confirmations,
      QueryMetrics metrics,
      WritableCases writableCases,
      CaseService cases,
      SeriesService seriesService) {
    this.store = store;
    this.confirmations = confirmations;
    this.metrics = metrics;
    this.writableCases = writableCases;
    this.cases = cases;
    this.seriesService = seriesService;
  }

  /** What opening a query asks for; section and variable empty for a query on the whole case. */
  public record OpenRequest(
      String section, Long itemId, String variable, String question, String proposedValue) {}

  /** A step that was done (with the query's id) or refused with problems by field. */
  public record Outcome(Long queryId, List<FieldProblem> problems) {
    public boolean done() {
      return problems.isEmpty();
    }

    static Outcome refused(String field, String key, Object... arguments) {
      return new Outcome(null, List.of(new FieldProblem(field, key, arguments)));
    }
  }

  /** The bulk raising's result: queries created, cases skipped (one already open). */
  public record BulkOutcome(int created, int skipped) {}

  // ---------------------------------------------------------------- reading

  /** Every query of a case with its thread; the case must be readable by the account. */
  @Transactional(readOnly = true)
  public List<FieldQuery> ofCase(long caseId, CurrentAccount account) {
    cases.readable(caseId, account);
    return store.ofCase(caseId);
  }

  /** The queries and confirmations of a case whose header the caller has already been given. */
  @Transactional(readOnly = true)
  public CaseQueries forCase(CaseHeader header) {
    return new CaseQueries(store.ofCase(header.id()), confirmations.ofCase(header.id()));
  }

  @Transactional(readOnly = true)
  public FieldQuery query(long queryId, CurrentAccount account) {
    FieldQuery query = store.find(queryId).orElseThrow(NotFoundException::new);
    cases.readable(query.caseId(), account);
    return query;
  }

  /**
   * The worklist: for surgeons the open queries of their sites, for coordinators and admins those
   * open or answered (waiting for them to close); of one series or of all the account sees.
   */
  @Transactional(readOnly = true)
  public List<FieldQuery> worklist(CurrentAccount account, Long seriesId) {
    if (seriesId != null) {
      seriesService.visible(seriesId, account);
    }
    return store.worklist(QueryPolicy.onWorklist(account), QueryPolicy.sitesOf(account), seriesId);
  }

  /**
   * One cheap count for the navigation badge, on every page: one statement, so no transaction of
   * its own (opening one cost more than the count).
   */
  public long waitingCount(CurrentAccount account) {
    return store.count(QueryPolicy.waitingFor(account), QueryPolicy.sitesOf(account));
  }

  @Transactional(readOnly = true)
  public QueryMetrics.Report metrics(long seriesId, CurrentAccount account) {
    seriesService.visible(seriesId, account);
    return metrics.of(seriesId, QueryPolicy.sitesOf(account));
  }

  /** The metrics of a series the caller has already checked the account may see. */
  @Transactional(readOnly = true)
  public QueryMetrics.Report metrics(CaseSeries series, CurrentAccount account) {
    return metrics.of(series.getId(), QueryPolicy.sitesOf(account));
  }

  // ---------------------------------------------------------------- steps

  @Transactional
  public Outcome open(long caseId, OpenRequest request, CurrentAccount account) {
    QueryPolicy.requireRaise(account);
    CaseHeader header = writableCases.get(caseId, account);
    String question = QueryText.clean(request.question());
    String proposed = QueryText.clean(request.proposedValue());
    Section section = null;
    String variable = null;
    Long itemId = null;
    String slug = QueryText.clean(request.section());
    if (slug != null) {
      section = Section.fromSlug(slug);
      if (section == null) {
        return Outcome.refused("section", "query.target.unknown");
      }
      variable = QueryText.clean(request.variable());
      if (variable != null && !inSection(section, variable)) {
        return Outcome.refused("variable", "query.target.unknown");
      }
      if (section.isList() && request.itemId() != null) {
        itemId = request.itemId();
        try {
          cases.item(caseId, section, itemId, account);
        } catch (NotFoundException missing) {
          return Outcome.refused("itemId", "query.target.unknown");
        }
      } else if (section.isList() && variable != null) {
        return Outcome.refused("itemId", "query.target.item-required");
      }
    }
    if (question == null) {
      return Outcome.refused("question", "query.question.required");
    }
    if (QueryText.hasControlCharacters(question)) {
      return Outcome.refused("question", "query.text.control");
    }
    if (QueryText.hasControlCharacters(proposed)) {
      return Outcome.refused("proposedValue", "query.text.control");
    }
    if (question.length() > QUESTION_MAX) {
      return Outcome.refused("question", "query.text.too-long", QUESTION_MAX);
    }
    if (proposed != null && proposed.length() > VALUE_MAX) {
      return Outcome.refused("proposedValue", "query.text.too-long", VALUE_MAX);
    }
    long id =
        store.insert(
            caseId,
            header.seriesId(),
            section,
            itemId,
            variable,
            null,
            question,
            proposed,
            account.username());
    store.event(id, QueryAction.OPEN, question, null, proposed, account.username());
    cases.recordQueryStep(caseId, AuditAction.QUERY_OPEN, "query", null, question, account, id);
    return new Outcome(id, List.of());
  }

  /**
   * The site's answer, and/or a correction of the field the query is on (saved through the normal
   * section save; refused with its problems, then nothing at all is recorded).
   */
  @Transactional
  public Outcome answer(long queryId, String message, String correction, CurrentAccount account) {
    if (!QueryPolicy.canAnswer(account)) {
      throw new AccessDeniedException("Only the surgeons of the case's site answer queries");
    }
    FieldQuery query = lockedQuery(queryId, account);
    writableCases.get(query.caseId(), account);
    if (query.isClosed()) {
      return Outcome.refused("message", "query.refused.closed");
    }
    String text = QueryText.clean(message);
    String value = correction == null ? null : correction.strip();
    boolean correcting = value != null && query.onField() && !value.isEmpty();
    if (text == null && !correcting) {
      return Outcome.refused("message", "query.answer.required");
    }
    Optional<Outcome> refused = QueryText.refusal("message", text, QUESTION_MAX);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (correcting && QueryText.hasControlCharacters(value)) {
      return Outcome.refused("value", "query.text.control");
    }
    if (correcting) {
      CaseService.Correction done =
          cases.correctField(
              query.caseId(),
              query.section(),
              query.itemId(),
              query.variable(),
              value,
              account,
              queryId);
      if (!done.outcome().saved()) {
        return new Outcome(null, done.outcome().problems());
      }
      store.event(
          queryId,
          QueryAction.CORRECT,
          null,
          QueryText.blankToNull(done.oldValue()),
          QueryText.blankToNull(done.newValue()),
          account.username());
    }
    if (text != null) {
      recordStep(query, QueryAction.ANSWER, AuditAction.QUERY_ANSWER, text, account);
    }
    store.setState(queryId, QueryState.ANSWERED);
    return new Outcome(queryId, List.of());
  }

  @Transactional
  public Outcome close(long queryId, String message, CurrentAccount account) {
    FieldQuery query = coordinatorsQuery(queryId, account);
    if (query.isClosed()) {
      return Outcome.refused("message", "query.refused.closed");
    }
    String text = QueryText.clean(message);
    Optional<Outcome> refused = QueryText.refusal("message", text, QUESTION_MAX);
    if (refused.isPresent()) {
      return refused.get();
    }
    recordStep(query, QueryAction.CLOSE, AuditAction.QUERY_CLOSE, text, account);
    store.setState(queryId, QueryState.CLOSED);
    return new Outcome(queryId, List.of());
  }

  /** Back to the site: a closed query, or an answer that does not settle it; a reason needed. */
  @Transactional
  public Outcome reopen(long queryId, String message, CurrentAccount account) {
    FieldQuery query = coordinatorsQuery(queryId, account);
    if (query.isOpen()) {
      return Outcome.refused("message", "query.refused.open");
    }
    String text = QueryText.clean(message);
    if (text == null) {
      return Outcome.refused("message", "query.reopen.required");
    }
    Optional<Outcome> refused = QueryText.refusal("message", text, QUESTION_MAX);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (query.warningCode() != null && query.isClosed() && openOnSameWarning(query)) {
      return Outcome.refused("message", "query.refused.duplicate");
    }
    recordStep(query, QueryAction.REOPEN, AuditAction.QUERY_REOPEN, text, account);
    store.setState(queryId, QueryState.OPEN);
    return new Outcome(queryId, List.of());
  }

  // ---------------------------------------------------------------- helpers

  /** A query a coordinator or admin takes a step on, locked, its case still changeable. */
  private FieldQuery coordinatorsQuery(long queryId, CurrentAccount account) {
    QueryPolicy.requireRaise(account);
    FieldQuery query = lockedQuery(queryId, account);
    writableCases.get(query.caseId(), account);
    return query;
  }

  /** A step's message in the query's thread, and the same step as a line of the case's history. */
  private void recordStep(
      FieldQuery query,
      QueryAction action,
      AuditAction audited,
      String text,
      CurrentAccount account) {
    store.event(query.id(), action, text, null, null, account.username());
    cases.recordQueryStep(query.caseId(), audited, "query", null, text, account, query.id());
  }

  private FieldQuery lockedQuery(long queryId, CurrentAccount account) {
    FieldQuery query = query(queryId, account);
    store.lock(queryId).orElseThrow(NotFoundException::new);
    // Read again under the lock: another step may have been taken while waiting.
    return store.find(queryId).orElseThrow(NotFoundException::new);
  }

  private boolean openOnSameWarning(FieldQuery query) {
    return store.ofCase(query.caseId()).stream()
        .anyMatch(
            other ->
                other.id() != query.id()
                    && !other.isClosed()
                    && query.warningCode().equals(other.warningCode()));
  }

  private static boolean inSection(Section section, String variable) {
    if (!CaseVariables.exists(variable)) {
      return false;
    }
    Variable found = CaseVariables.get(variable);
    return found.section() == section;
  }
}
