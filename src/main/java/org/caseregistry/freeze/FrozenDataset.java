package org.caseregistry.freeze;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A frozen dataset with its files (without their bytes) and the cases it covers. */
record FrozenDataset(
    long id,
    long seriesId,
    String name,
    Set<Long> siteIds,
    int caseCount,
    String frozenBy,
    Instant frozenAt,
    boolean withdrawn,
    String withdrawalReason,
    String withdrawnBy,
    Instant withdrawnAt,
    List<StoredFile> files,
    List<Case> cases) {

  record StoredFile(long id, String name, String contentType, long size, String sha256) {}

  record Case(long caseId, String studyCode, String siteCode, String signOff) {}

  FrozenDataset with(List<StoredFile> storedFiles, List<Case> coveredCases) {
    return new FrozenDataset(
        id,
        seriesId,
        name,
        siteIds,
        caseCount,
        frozenBy,
        frozenAt,
        withdrawn,
        withdrawalReason,
        withdrawnBy,
        withdrawnAt,
        storedFiles,
        coveredCases);
  }
}
