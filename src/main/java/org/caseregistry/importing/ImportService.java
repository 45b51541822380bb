package org.caseregistry.importing;

import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseImportTotals;
import org.caseregistry.cases.CaseService;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Imports a file into a series: a dry run that writes nothing and lists every problem, and a commit
 * that reads the file again, judges it again against what is stored now and writes all of it in one
 * transaction, or nothing. The file is read once into temporary files ({@link SpooledFile}), then
 * judged and written a chunk of {@code registry.import.chunk-size} cases at a time ({@link
 * ChunkedCaseFile}, {@link ImportChunks}), so that memory follows the chunk, not the file. Who may
 * import what is decided per case by {@link CaseService#importCases}.
 */
@Service
public class ImportService {

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);

  private final CaseService caseService;
  private final SeriesService seriesService;
  private final MessageSource messages;
  private final CaseFileInterpreter interpreter;
  private final FormService formService;
  private final int chunkSize;

  ImportService(
      CaseService caseService,
      SeriesService seriesService,
      MessageSource messages,
      FormService formService,
      @Value("${registry.import.chunk-size}") int chunkSize) {
    this.caseService = caseService;
    this.chunkSize = chunkSize;
    this.formService = formService;
    this.seriesService = seriesService;
    this.messages = messages;
    this.interpreter =
        new CaseFileInterpreter(
            new CodeMatcher((key, locale) -> messages.getMessage(key, null, null, locale)));
  }

  /** What importing the file would do; nothing is written. */
  public ImportReport check(
      long seriesId,
      String fileName,
      byte[] bytes,
      boolean updateExisting,
      CurrentAccount account) {
    return checkForCommit(seriesId, fileName, bytes, updateExisting, account).report();
  }

  /**
   * A dry run and the case revisions it judged against, for a commit that must find them unchanged.
   */
  public Checked checkForCommit(
      long seriesId,
      String fileName,
      byte[] bytes,
      boolean updateExisting,
      CurrentAccount account) {
    return run(seriesId, fileName, bytes, updateExisting, account, false, null);
  }

  /** Imports the file if it has no problem, all in one transaction; otherwise writes nothing. */
  public ImportReport commit(
      long seriesId,
      String fileName,
      byte[] bytes,
      boolean updateExisting,
      CurrentAccount account) {
    return run(seriesId, fileName, bytes, updateExisting, account, true, null).report();
  }

  /**
   * Imports the file as {@link #commit} does, and only if no case of the file changed since the dry
   * run that saw {@code revisionsAtCheck}: a changed case is a problem, so that an edit saved in
   * between is never overwritten unseen.
   */
  public ImportReport commitChecked(
      long seriesId,
      String fileName,
      byte[] bytes,
      boolean updateExisting,
      Map<String, Long> revisionsAtCheck,
      CurrentAccount account) {
    return run(seriesId, fileName, bytes, updateExisting, account, true, revisionsAtCheck).report();
  }

  /**
   * A dry run's report and, per lower-case study code of the file, the revision of the stored case
   * (0: none).
   */
  public record Checked(ImportReport report, Map<String, Long> revisions) {}

  private Checked run(
      long seriesId,
      String fileName,
      byte[] bytes,
      boolean updateExisting,
      CurrentAccount account,
      boolean commit,
      Map<String, Long> expectedRevisions) {
    seriesService.visible(seriesId, account);
    if (bytes.length > CaseFileFormat.MAX_BYTES) {
      return new Checked(
          ImportReport.unreadable(
              fileName,
              updateExisting,
              ImportProblem.of(
                  null,
                  null,
                  null,
                  null,
                  "import.file.too-large",
                  CaseFileFormat.MAX_BYTES / (1024 * 1024))),
          Map.of());
    }
    long started = System.nanoTime();
    try (SpooledFile spooled = SpooledFile.read(fileName, bytes);
        ChunkedCaseFile file =
            interpreter.interpret(spooled, formService.current(seriesId), chunkSize)) {
      long read = System.nanoTime();
      ImportChunks chunks =
          new ImportChunks(
              seriesId, file, updateExisting, fileName == null ? "" : fileName, expectedRevisions);
      CaseImportTotals totals =
          commit && !file.hasProblems()
              ? caseService.importCases(chunks, account)
              : caseService.checkImport(chunks, account);
      ImportReport report = chunks.report(fileName, totals);
      log.info(
          "Import of {} into series {} ({}): {} cases in {} chunks of up to {}; read {} ms, cases"
              + " {} ms; {} problems{}",
          fileName,
          seriesId,
          commit ? "commit" : "dry run",
          file.caseCount(),
          chunks.chunks(),
          chunkSize,
          (read - started) / 1_000_000,
          (System.nanoTime() - read) / 1_000_000,
          report.problems().size(),
          report.written() ? ", written" : "");
      return new Checked(report, totals.revisions());
    } catch (UnreadableFileException unreadable) {
      return new Checked(
          ImportReport.unreadable(
              fileName,
              updateExisting,
              new ImportProblem(
                  null, null, null, null, unreadable.messageKey(), unreadable.arguments())),
          Map.of());
    }
  }
}
