package org.caseregistry.cases.importer;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseImport;
import org.caseregistry.cases.CaseImportChunks;
import org.caseregistry.cases.CaseImportResult;
import org.caseregistry.cases.CaseImportTotals;
import org.caseregistry.cases.CaseService;
import org.caseregistry.series.CaseSeries;
import org.springframework.stereotype.Component;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Runs an import chunk by chunk inside the caller's one transaction ({@link CaseService}): each
 * chunk is judged by {@link CaseImporter} and, in a commit, written as soon as it is judged while
 * nothing has a problem, so that memory holds one chunk, never the file. A problem in a later chunk
 * (or in the file's own reading of it) stops the writing and marks the transaction for rollback:
 * the chunks written before it go with it, and the import stays all or nothing. The remaining
 * chunks are still judged, so that every problem is reported.
 */
@Component
public class ChunkedCaseImport {

  private final CaseImporter importer;

  ChunkedCaseImport(CaseImporter importer) {
    this.importer = importer;
  }

  public CaseImportTotals run(
      CaseSeries series, CaseImportChunks chunks, CurrentAccount account, boolean commit) {
    CaseImporter.Judging judging = null;
    Map<CaseImportResult.Kind, Long> counts = new EnumMap<>(CaseImportResult.Kind.class);
    Map<String, Long> revisions = new HashMap<>();
    long problems = 0;
    boolean wrote = false;
    for (CaseImport.Request chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
      if (judging == null) {
        judging = importer.judging(series, chunk.updateExisting());
      }
      boolean write = commit && problems == 0 && !chunks.hasProblems();
      CaseImportResult result = importer.run(series, chunk, account, write, judging);
      wrote |= result.written() && !chunk.cases().isEmpty();
      problems += result.problems().size();
      for (CaseImportResult.CaseOutcome outcome : result.outcomes()) {
        counts.merge(outcome.kind(), 1L, Long::sum);
      }
      revisions.putAll(result.revisions());
      chunks.judged(result);
    }
    boolean clean = problems == 0 && !chunks.hasProblems();
    if (wrote && !clean) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    }
    return new CaseImportTotals(
        counts.getOrDefault(CaseImportResult.Kind.NEW, 0L),
        counts.getOrDefault(CaseImportResult.Kind.UPDATED, 0L),
        counts.getOrDefault(CaseImportResult.Kind.UNCHANGED, 0L),
        problems,
        commit && clean,
        Map.copyOf(revisions));
  }
}
