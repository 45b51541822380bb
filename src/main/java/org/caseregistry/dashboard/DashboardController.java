package org.caseregistry.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.dashboard.chart.Chart;
import org.caseregistry.dashboard.chart.ChartImages;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.platform.ReportFilters;
import org.caseregistry.query.QueryService;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A series' dashboard page, and each of its charts as SVG or PNG. */
@Controller
@RequestMapping("/series/{seriesId}/dashboard")
class DashboardController {

  private static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);

  private final DashboardService dashboards;
  private final MessageSource messageSource;
  private final QueryService queries;

  DashboardController(
      DashboardService dashboards, MessageSource messageSource, QueryService queries) {
    this.dashboards = dashboards;
    this.messageSource = messageSource;
    this.queries = queries;
  }

  @GetMapping
  String page(
      @PathVariable long seriesId,
      @ModelAttribute ReportFilters filters,
      @RequestParam(required = false) String split,
      Model model,
      Locale locale,
      CurrentAccount account) {
    Long site = filters.site();
    SurvivalSplit chosenSplit = SurvivalSplit.fromSlug(split);
    DashboardService.Result result =
        dashboards.dashboard(seriesId, site, chosenSplit, EnumSet.allOf(Part.class), account);
    model.addAttribute("series", result.series());
    model.addAttribute("site", site);
    model.addAttribute("split", chosenSplit.slug());
    model.addAttribute(
        "splits",
        Arrays.stream(SurvivalSplit.values())
            .map(s -> new DashboardView.Choice(s.slug(), s.messageKey()))
            .toList());
    model.addAttribute(
        "siteChoices",
        result.series().getSites().stream()
            .filter(s -> account.canSeeSite(s.getId()))
            .sorted(Comparator.comparing(s -> s.getCode()))
            .toList());
    model.addAttribute(
        "siteCode",
        site == null
            ? null
            : result.series().getSites().stream()
                .filter(s -> s.getId().equals(site))
                .map(s -> s.getCode())
                .findFirst()
                .orElse(null));
    model.addAttribute("today", result.today());
    model.addAttribute("queryMetrics", queries.metrics(result.series(), account));
    model.addAttribute("now", Instant.now());
    model.addAttribute("view", presenter(result, chosenSplit, locale).view());
    return "dashboard/dashboard";
  }

  @GetMapping("/charts/{chart}.svg")
  ResponseEntity<String> svg(
      @PathVariable long seriesId,
      @PathVariable String chart,
      @ModelAttribute ReportFilters filters,
      @RequestParam(required = false) String split,
      Locale locale,
      CurrentAccount account) {
    Chart drawn = chart(seriesId, chart, filters.site(), split, locale, account);
    return ResponseEntity.ok()
        .contentType(SVG)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(seriesId, chart, "svg"))
        .body(ChartImages.svgDocument(drawn));
  }

  @GetMapping("/charts/{chart}.png")
  ResponseEntity<byte[]> png(
      @PathVariable long seriesId,
      @PathVariable String chart,
      @ModelAttribute ReportFilters filters,
      @RequestParam(required = false) String split,
      Locale locale,
      CurrentAccount account) {
    Chart drawn = chart(seriesId, chart, filters.site(), split, locale, account);
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(seriesId, chart, "png"))
        .body(ChartImages.png(drawn));
  }

  private Chart chart(
      long seriesId, String slug, Long site, String split, Locale locale, CurrentAccount account) {
    DashboardChart which = DashboardChart.fromSlug(slug);
    if (which == null) {
      throw new NotFoundException();
    }
    SurvivalSplit chosenSplit = SurvivalSplit.fromSlug(split);
    Set<Part> parts = EnumSet.of(which.part());
    DashboardService.Result result =
        dashboards.dashboard(seriesId, site, chosenSplit, parts, account);
    return presenter(result, chosenSplit, locale).chart(which);
  }

  private DashboardPresenter presenter(
      DashboardService.Result result, SurvivalSplit split, Locale locale) {
    return new DashboardPresenter(
        result.data(),
        split,
        result.today(),
        (key, args) -> messageSource.getMessage(key, args, locale),
        new Numbers(locale));
  }

  private static String attachment(long seriesId, String chart, String extension) {
    return ContentDisposition.attachment()
        .filename("series-" + seriesId + "-" + chart + "." + extension)
        .build()
        .toString();
  }
}
