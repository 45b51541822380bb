package org.caseregistry.cases;

import java.util.Map;

/**
 * What a whole import handed over in chunks did, or would do: the counts of its outcomes (each
 * chunk's outcomes and problems went to {@link CaseImportChunks#judged}).
 *
 * @param written whether the cases were written: a commit without any problem, in the service's
 *     judgement or the caller's
 * @param revisions for every study code of the import (lower case), the revision of the stored case
 *     judged against, 0 where there was none: what a later commit must find unchanged
 */
public record CaseImportTotals(
    long newCases,
    long updatedCases,
    long unchangedCases,
    long problems,
    boolean written,
    Map<String, Long> revisions) {}
