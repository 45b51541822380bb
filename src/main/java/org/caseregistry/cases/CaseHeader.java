package org.caseregistry.cases;

import java.time.Instant;
import org.caseregistry.catalog.CaseCodes.CaseStatus;

/** The identity of a case: series, site, study code and status; never a direct identifier. */
public record CaseHeader(
    long id,
    long seriesId,
    String seriesTitle,
    long siteId,
    String siteCode,
    String siteName,
    String studyCode,
    CaseStatus status,
    String withdrawalReason,
    Instant withdrawnAt,
    String withdrawnBy,
    boolean demo,
    int version,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  public boolean isWithdrawn() {
    return status == CaseStatus.WITHDRAWN;
  }
}
