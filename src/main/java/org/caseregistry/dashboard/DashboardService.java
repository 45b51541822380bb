package org.caseregistry.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.dashboard.DashboardData.Part;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesService;
import org.springframework.stereotype.Service;

/**
 * Who may see which dashboard: everyone who can see the series sees its dashboard, counted over the
 * sites they belong to (admins: all). A site filter for a site the reader does not belong to, or
 * that is not part of the series, answers 404 like a series they cannot see. Only the parts the
 * series' form records are counted (see {@link FormParts}).
 */
@Service
class DashboardService {

  private final SeriesService seriesService;
  private final DashboardQueries queries;
  private final Clock clock;
  private final FormService forms;

  DashboardService(
      SeriesService seriesService, DashboardQueries queries, Clock clock, FormService forms) {
    this.forms = forms;
    this.seriesService = seriesService;
    this.queries = queries;
    this.clock = clock;
  }

  record Result(CaseSeries series, Long siteId, DashboardData data, LocalDate today) {}

  Result dashboard(
      long seriesId, Long siteId, SurvivalSplit split, Set<Part> parts, CurrentAccount account) {
    CaseSeries series = seriesService.visible(seriesId, account);
    if (siteId != null && (!series.includesSite(siteId) || !account.canSeeSite(siteId))) {
      throw new NotFoundException();
    }
    DashboardQueries.Scope scope =
        new DashboardQueries.Scope(seriesId, siteId, account.isAdmin() ? null : account.siteIds());
    LocalDate today = LocalDate.now(clock);
    FormDefinition form = forms.current(seriesId);
    Set<Part> counted = EnumSet.copyOf(parts);
    counted.retainAll(FormParts.of(form.modules()));
    DashboardData data = queries.load(scope, counted, split, today, form);
    return new Result(series, siteId, data, today);
  }
}
