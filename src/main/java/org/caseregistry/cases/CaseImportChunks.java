package org.caseregistry.cases;

/**
 * An import handed over a chunk of cases at a time (see {@link CaseService#importCases}), so that
 * neither the file's reader nor the case service holds the whole file: the caller reads a chunk,
 * the service judges it (and writes it, in a commit), hands back what it found, and the caller lets
 * the chunk go before reading the next.
 */
public interface CaseImportChunks {

  long seriesId();

  /**
   * The next chunk as a request: its cases, and the same columns, sheets, mode, source and expected
   * revisions for every chunk. Null when every case has been handed over. A study code appears in
   * one chunk only.
   */
  CaseImport.Request next();

  /**
   * Whether the caller found a problem of its own so far (in the file's sheets or cells, up to the
   * chunk last handed over): a commit then writes nothing.
   */
  boolean hasProblems();

  /** What the chunk last handed over does, or would do. */
  void judged(CaseImportResult chunk);
}
