package org.caseregistry.cases.web;

import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseList;
import org.caseregistry.cases.SignOff;
import org.caseregistry.cases.SignOffService;
import org.caseregistry.series.SeriesHeader;
import org.caseregistry.series.SeriesService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the case list page reads, in one read-only transaction: the series (access checked), the
 * page of cases with its total, and the counts by sign-off state. One transaction instead of three:
 * one connection taken from the pool and one commit per request.
 */
@Component
class CaseListPage {

  record Contents(SeriesHeader series, CaseList.Page result, Map<SignOff, Long> signOffCounts) {}

  private final SeriesService seriesService;
  private final CaseList caseList;
  private final SignOffService signOffs;

  CaseListPage(SeriesService seriesService, CaseList caseList, SignOffService signOffs) {
    this.seriesService = seriesService;
    this.caseList = caseList;
    this.signOffs = signOffs;
  }

  @Transactional(readOnly = true)
  public Contents read(long seriesId, CaseList.Filter filter, CurrentAccount account) {
    SeriesHeader series = seriesService.visibleHeader(seriesId, account);
    return new Contents(
        series, caseList.find(seriesId, filter, account), signOffs.counts(seriesId, account));
  }
}
