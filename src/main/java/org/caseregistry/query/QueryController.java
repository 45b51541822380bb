package org.caseregistry.query;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseHeader;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.FieldProblem;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of a case's queries: raising one on a field, section or the whole case, its thread with
 * the forms to answer (and correct the value), close or re-open it. A refused step shows the page
 * again with the message next to the field and everything typed kept.
 */
@Controller
@RequestMapping("/cases/{caseId}")
class QueryController {

  private final QueryService queries;
  private final WarningQueries warnings;
  private final CaseService cases;
  private final MessageSource messages;

  QueryController(
      QueryService queries, WarningQueries warnings, CaseService cases, MessageSource messages) {
    this.queries = queries;
    this.warnings = warnings;
    this.cases = cases;
    this.messages = messages;
  }

  @GetMapping("/queries/new")
  String newQuery(
      @PathVariable long caseId,
      @RequestParam(required = false) String section,
      @RequestParam(required = false) Long itemId,
      @RequestParam(required = false) String variable,
      Model model,
      CurrentAccount account) {
    if (!QueryPolicy.canRaise(account)) {
      throw new AccessDeniedException("Coordinators only");
    }
    QueryForm form = new QueryForm();
    form.setSection(section);
    form.setItemId(itemId);
    form.setVariable(variable);
    return showNew(cases.readable(caseId, account), form, List.of(), model);
  }

  @PostMapping("/queries")
  String open(
      @PathVariable long caseId,
      QueryForm form,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    QueryService.Outcome outcome =
        queries.open(
            caseId,
            new QueryService.OpenRequest(
                form.getSection(),
                form.getItemId(),
                form.getVariable(),
                form.getQuestion(),
                form.getProposedValue()),
            account);
    if (!outcome.done()) {
      return showNew(cases.readable(caseId, account), form, outcome.problems(), model);
    }
    redirect.addFlashAttribute("flash", "query.opened");
    return "redirect:/cases/" + caseId + "/queries/" + outcome.queryId();
  }

  @GetMapping("/queries/{queryId}")
  String show(
      @PathVariable long caseId, @PathVariable long queryId, Model model, CurrentAccount account) {
    return showQuery(caseId, queryId, new StepForm(), null, List.of(), model, account);
  }

  @PostMapping("/queries/{queryId}/answer")
  String answer(
      @PathVariable long caseId,
      @PathVariable long queryId,
      StepForm form,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    ofCase(caseId, queryId, account);
    try {
      QueryService.Outcome outcome =
          queries.answer(queryId, form.getMessage(), form.getValue(), account);
      if (!outcome.done()) {
        return showQuery(caseId, queryId, form, "answer", outcome.problems(), model, account);
      }
    } catch (EditConflictException conflict) {
      return showQuery(
          caseId,
          queryId,
          form,
          "answer",
          List.of(new FieldProblem("value", "edit.conflict")),
          model,
          account);
    }
    redirect.addFlashAttribute("flash", "query.answered");
    return "redirect:/cases/" + caseId + "/queries/" + queryId;
  }

  @PostMapping("/queries/{queryId}/close")
  String close(
      @PathVariable long caseId,
      @PathVariable long queryId,
      StepForm form,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    return coordinatorStep(
        caseId,
        queryId,
        form,
        "close",
        "query.closed",
        who -> queries.close(queryId, form.getMessage(), who),
        model,
        redirect,
        account);
  }

  @PostMapping("/queries/{queryId}/reopen")
  String reopen(
      @PathVariable long caseId,
      @PathVariable long queryId,
      StepForm form,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    return coordinatorStep(
        caseId,
        queryId,
        form,
        "reopen",
        "query.reopened",
        who -> queries.reopen(queryId, form.getMessage(), who),
        model,
        redirect,
        account);
  }

  /**
   * A coordinator's step on a query (close, re-open): refused, the page again with the message;
   * done, back to the query with its flash message.
   */
  private String coordinatorStep(
      long caseId,
      long queryId,
      StepForm form,
      String step,
      String flash,
      Function<CurrentAccount, QueryService.Outcome> action,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    if (!QueryPolicy.canRaise(account)) {
      throw new AccessDeniedException("Coordinators only");
    }
    ofCase(caseId, queryId, account);
    QueryService.Outcome outcome = action.apply(account);
    if (!outcome.done()) {
      return showQuery(caseId, queryId, form, step, outcome.problems(), model, account);
    }
    redirect.addFlashAttribute("flash", flash);
    return "redirect:/cases/" + caseId + "/queries/" + queryId;
  }

  @PostMapping("/warnings/confirm")
  String confirmWarning(
      @PathVariable long caseId,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect,
      CurrentAccount account) {
    QueryService.Outcome outcome = warnings.confirmWarning(caseId, code, reason, account);
    if (outcome.done()) {
      redirect.addFlashAttribute("flash", "warning.confirmed");
    } else {
      redirect.addFlashAttribute("confirmError", outcome.problems().get(0).messageKey());
      redirect.addFlashAttribute("confirmCode", code);
      redirect.addFlashAttribute("confirmReason", reason);
    }
    return "redirect:/cases/" + caseId + "#warnings";
  }

  private FieldQuery ofCase(long caseId, long queryId, CurrentAccount account) {
    FieldQuery query = queries.query(queryId, account);
    if (query.caseId() != caseId) {
      throw new NotFoundException();
    }
    return query;
  }

  private String showNew(
      CaseHeader header, QueryForm form, List<FieldProblem> problems, Model model) {
    model.addAttribute("header", header);
    model.addAttribute("queryForm", form);
    model.addAttribute(
        "problems", QueryPages.byField(problems, messages, LocaleContextHolder.getLocale()));
    return "query/new";
  }

  private String showQuery(
      long caseId,
      long queryId,
      StepForm form,
      String step,
      List<FieldProblem> problems,
      Model model,
      CurrentAccount account) {
    FieldQuery query = ofCase(caseId, queryId, account);
    CaseService.CaseView view = cases.view(caseId, account);
    model.addAttribute("header", view.header());
    model.addAttribute("query", query);
    model.addAttribute("current", QueryPages.currentValue(view, query));
    model.addAttribute("editable", view.editable());
    model.addAttribute("stepForm", form);
    model.addAttribute("step", step);
    model.addAttribute(
        "problems", QueryPages.byField(problems, messages, LocaleContextHolder.getLocale()));
    model.addAttribute("canRaise", QueryPolicy.canRaise(account));
    model.addAttribute("canAnswer", QueryPolicy.canAnswer(account));
    model.addAttribute("now", Instant.now());
    return "query/show";
  }
}
