package org.caseregistry.query;

import java.time.Instant;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.series.SeriesService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worklists of queries (across series, and of one series with its metrics) and raising queries
 * in bulk from the data-quality page.
 */
@Controller
class WorklistController {

  private final QueryService queries;
  private final WarningQueries warnings;
  private final SeriesService seriesService;

  WorklistController(QueryService queries, WarningQueries warnings, SeriesService seriesService) {
    this.queries = queries;
    this.warnings = warnings;
    this.seriesService = seriesService;
  }

  @GetMapping("/queries")
  String all(Model model, CurrentAccount account) {
    model.addAttribute("series", null);
    model.addAttribute("queries", queries.worklist(account, null));
    model.addAttribute("now", Instant.now());
    model.addAttribute("limit", QueryStore.WORKLIST_LIMIT);
    return "query/worklist";
  }

  @GetMapping("/series/{seriesId}/queries")
  String ofSeries(@PathVariable long seriesId, Model model, CurrentAccount account) {
    model.addAttribute("series", seriesService.visible(seriesId, account));
    model.addAttribute("queries", queries.worklist(account, seriesId));
    model.addAttribute("metrics", queries.metrics(seriesId, account));
    model.addAttribute("now", Instant.now());
    model.addAttribute("limit", QueryStore.WORKLIST_LIMIT);
    return "query/worklist";
  }

  @PostMapping("/series/{seriesId}/queries/bulk")
  String bulk(
      @PathVariable long seriesId,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String question,
      RedirectAttributes redirect,
      CurrentAccount account) {
    if (!QueryPolicy.canRaise(account)) {
      throw new AccessDeniedException("Coordinators only");
    }
    seriesService.visible(seriesId, account);
    if (code == null
        || code.isBlank()
        || question == null
        || question.isBlank()
        || question.strip().length() > QueryService.QUESTION_MAX
        || QueryText.hasControlCharacters(question)) {
      redirect.addFlashAttribute("bulkError", "query.bulk.question-required");
      redirect.addFlashAttribute("bulkCode", code);
      return "redirect:/series/" + seriesId + "/reports/quality#bulk-queries";
    }
    QueryService.BulkOutcome outcome = warnings.raiseForWarning(seriesId, code, question, account);
    redirect.addFlashAttribute("bulkCreated", outcome.created());
    redirect.addFlashAttribute("bulkSkipped", outcome.skipped());
    return "redirect:/series/" + seriesId + "/reports/quality#bulk-queries";
  }
}
