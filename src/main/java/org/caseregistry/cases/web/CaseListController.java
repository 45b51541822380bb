package org.caseregistry.cases.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseList;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.Outcome;
import org.caseregistry.cases.SignOff;
import org.caseregistry.catalog.Section;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.SeriesService;
import org.caseregistry.site.HospitalSite;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A series' case list, and new cases in it. */
@Controller
@RequestMapping("/series/{seriesId}/cases")
class CaseListController {

  private final CaseListPage listPage;
  private final CaseService caseService;
  private final SeriesService seriesService;
  private final MessageSource messages;

  CaseListController(
      CaseListPage listPage,
      CaseService caseService,
      SeriesService seriesService,
      MessageSource messages) {
    this.listPage = listPage;
    this.messages = messages;
    this.caseService = caseService;
    this.seriesService = seriesService;
  }

  @GetMapping
  String list(
      @PathVariable long seriesId,
      @RequestParam(required = false) Long site,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String sort,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(required = false) Long after,
      @RequestParam(required = false) Long before,
      @RequestParam(name = "signoff", required = false) String signOff,
      @RequestParam(required = false) String missing,
      @RequestParam(required = false) String reason,
      Model model,
      Locale locale,
      HttpServletRequest request,
      CurrentAccount account) {
    CaseList.Filter filter =
        new CaseList.Filter(
            site,
            status,
            q,
            sort,
            page,
            after,
            before,
            SignOff.fromParameter(signOff),
            missing,
            reason);
    CaseListPage.Contents contents = listPage.read(seriesId, filter, account);
    model.addAttribute("series", contents.series());
    model.addAttribute("filter", filter);
    model.addAttribute("siteChoices", contents.series().sites());
    model.addAttribute("result", contents.result());
    model.addAttribute("signOffCounts", contents.signOffCounts());
    model.addAttribute("signOffStates", SignOff.values());
    model.addAttribute("sections", Section.values());
    model.addAttribute("caseRows", new CaseListRows(messages, locale, request.getContextPath()));
    model.addAttribute("canCreate", CasePolicy.canCreate(account));
    model.addAttribute("canManage", SeriesService.canManage(account));
    return "cases/list";
  }

  @GetMapping("/new")
  String newCase(@PathVariable long seriesId, Model model, CurrentAccount account) {
    prepareNewCase(seriesId, model, account);
    NewCaseForm form = new NewCaseForm();
    // A surgeon of one site has nothing to choose.
    List<?> sites = (List<?>) model.getAttribute("siteChoices");
    if (sites.size() == 1) {
      form.setSiteId(((HospitalSite) sites.get(0)).getId());
    }
    model.addAttribute("newCase", form);
    model.addAttribute(
        BindingResult.MODEL_KEY_PREFIX + "newCase",
        new BeanPropertyBindingResult(model.getAttribute("newCase"), "newCase"));
    return "cases/new";
  }

  @PostMapping("/new")
  String create(
      @PathVariable long seriesId, NewCaseForm form, Model model, CurrentAccount account) {
    Outcome outcome =
        caseService.create(seriesId, form.getStudyCode(), form.getSiteId(), false, account);
    if (outcome.id() != null) {
      return "redirect:/cases/" + outcome.id();
    }
    prepareNewCase(seriesId, model, account);
    BindingResult result = new BeanPropertyBindingResult(form, "newCase");
    Problems.bindProperties(outcome.problems(), result);
    model.addAttribute("newCase", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "newCase", result);
    return "cases/new";
  }

  private void prepareNewCase(long seriesId, Model model, CurrentAccount account) {
    if (!CasePolicy.canCreate(account)) {
      throw new AccessDeniedException("Only surgeons and admins create cases");
    }
    CaseSeries series = seriesService.visible(seriesId, account);
    model.addAttribute("series", series);
    model.addAttribute("siteChoices", CasePolicy.sitesFor(account, series));
  }

  /** The study code and site of a case (new, or corrected with its version). */
  public static class NewCaseForm {
    private String studyCode;
    private Long siteId;
    private int version;

    public int getVersion() {
      return version;
    }

    public void setVersion(int version) {
      this.version = version;
    }

    public String getStudyCode() {
      return studyCode;
    }

    public void setStudyCode(String studyCode) {
      this.studyCode = studyCode;
    }

    public Long getSiteId() {
      return siteId;
    }

    public void setSiteId(Long siteId) {
      this.siteId = siteId;
    }
  }
}
