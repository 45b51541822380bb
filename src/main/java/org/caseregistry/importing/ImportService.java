package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CaseImport;
import org.caseregistry.cases.CaseImportResult;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.CaseWarning;
import org.caseregistry.cases.IdentifierPolicy;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.importing.CaseFileFormat.Sheet;
import org.caseregistry.importing.CaseFileInterpreter.CaseRows;
import org.caseregistry.importing.CaseFileInterpreter.Interpretation;
import org.caseregistry.importing.CaseFileInterpreter.ItemRow;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesService;
import org.caseregistry.site.HospitalSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Imports a file into a series: a dry run that writes nothing and lists every problem, and a commit
 * that reads the file again, judges it again against what is stored now and writes all of it in one
 * transaction, or nothing. Who may import what is decided per case by {@link
 * CaseService#importCases}.
 */
@Service
public class ImportService {

  private static final Logger log = LoggerFactory.getLogger(ImportService.class);

  /** The two variants of the format. */
  public enum Format {
    XLSX,
    ZIP
  }

  private final CaseService caseService;
  private final SeriesService seriesService;
  private final MessageSource messages;
  private final ImportFormatExportAudit exportAudit;
  private final CaseFileInterpreter interpreter;
  private final FormService formService;

  ImportService(
      CaseService caseService,
      SeriesService seriesService,
      MessageSource messages,
      FormService formService,
      ImportFormatExportAudit exportAudit) {
    this.exportAudit = exportAudit;
    this.caseService = caseService;
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
    List<RawSheet> sheets;
    try {
      sheets = CaseFileReader.read(fileName, bytes);
    } catch (UnreadableFileException unreadable) {
      return new Checked(
          ImportReport.unreadable(
              fileName,
              updateExisting,
              new ImportProblem(
                  null, null, null, null, unreadable.messageKey(), unreadable.arguments())),
          Map.of());
    }
    long read = System.nanoTime();
    Interpretation file = interpreter.interpret(sheets, formService.current(seriesId));
    long interpreted = System.nanoTime();
    CaseImport.Request request =
        new CaseImport.Request(
            seriesId,
            file.cases(),
            file.columns(),
            file.listSections(),
            updateExisting,
            fileName == null ? "" : fileName,
            expectedRevisions);
    CaseImportResult result =
        commit && file.problems().isEmpty()
            ? caseService.importCases(request, account)
            : caseService.checkImport(request, account);
    long judged = System.nanoTime();
    log.info(
        "Import of {} into series {} ({}): {} cases; read {} ms, cells {} ms, cases {} ms; {}"
            + " problems{}",
        fileName,
        seriesId,
        commit ? "commit" : "dry run",
        file.cases().size(),
        (read - started) / 1_000_000,
        (interpreted - read) / 1_000_000,
        (judged - interpreted) / 1_000_000,
        file.problems().size() + result.problems().size(),
        result.written() ? ", written" : "");
    List<ImportProblem> problems = new ArrayList<>(file.problems());
    for (CaseImportResult.Problem problem : result.problems()) {
      problems.add(place(problem, file));
    }
    List<ImportReport.WarningRow> warnings = new ArrayList<>();
    List<ImportReport.UpdatedCase> updates = new ArrayList<>();
    for (CaseImportResult.CaseOutcome outcome : result.outcomes()) {
      CaseRows rows = file.rows().get(outcome.ref());
      for (CaseWarning warning : outcome.warnings()) {
        warnings.add(
            new ImportReport.WarningRow(
                file.sheetName(Sheet.CASES), rows.row(), outcome.studyCode(), warning));
      }
      if (outcome.kind() == CaseImportResult.Kind.UPDATED) {
        updates.add(
            new ImportReport.UpdatedCase(outcome.studyCode(), rows.row(), outcome.changedFields()));
      }
    }
    ImportReport report =
        new ImportReport(
            fileName,
            updateExisting,
            result.written(),
            problems,
            warnings,
            file.notes(),
            result.count(CaseImportResult.Kind.NEW),
            result.count(CaseImportResult.Kind.UPDATED),
            result.count(CaseImportResult.Kind.UNCHANGED),
            updates,
            file.rowCounts());
    return new Checked(report, result.revisions());
  }

  /** Admins and coordinators export a series in the import format (to correct and re-import). */
  public static boolean canExport(CurrentAccount account) {
    return CasePolicy.canExportForImport(account);
  }

  /** Direct identifiers leave the registry in bulk only for admins ({@link IdentifierPolicy}). */
  static boolean withIdentifiers(CurrentAccount account) {
    return IdentifierPolicy.mayExport(account);
  }

  /** An empty file in the format, with the codebook and the series' sites of the account. */
  public byte[] template(long seriesId, Format format, CurrentAccount account) {
    CaseSeries series = seriesService.visible(seriesId, account);
    List<CaseFileWriter.SheetContent> sheets = new ArrayList<>();
    FormDefinition form = formService.current(seriesId);
    for (Sheet sheet : CaseFileFormat.dataSheets(form)) {
      sheets.add(
          new CaseFileWriter.SheetContent(
              sheet, CaseFileFormat.columns(sheet, true, form), List.of()));
    }
    return write(format, sheets, Codebook.build(messages, sites(series, account), true, form));
  }

  /**
   * The active cases of the series that the account may see, in the import format: what a round
   * trip (export, correct, import with "update existing cases") starts from. Identifier columns
   * only for admins; without the column an update keeps what is stored.
   */
  public byte[] export(long seriesId, Format format, CurrentAccount account) {
    if (!canExport(account)) {
      throw new AccessDeniedException("Only admins and coordinators export cases");
    }
    CaseSeries series = seriesService.visible(seriesId, account);
    boolean identifiers = withIdentifiers(account);
    FormDefinition form = formService.current(seriesId);
    Map<Sheet, List<List<String>>> rows = new EnumMap<>(Sheet.class);
    for (CaseService.StoredCase stored : caseService.casesOfSeries(seriesId, account)) {
      List<String> row =
          new ArrayList<>(List.of(stored.header().studyCode(), stored.header().siteCode()));
      for (Variable variable : CaseFileFormat.variables(Sheet.CASES, form)) {
        if (identifiers || !variable.identifier()) {
          SectionValues values = stored.data().single(variable.section());
          row.add(
              CaseFileFormat.cell(
                  values.get(variable.name()), values.missing().get(variable.name())));
        }
      }
      for (FieldDefinition field : CaseFileFormat.customFields(form)) {
        if (identifiers || !field.identifier()) {
          SectionValues values =
              stored.data().custom().single(form.sectionOf(field.name()).orElseThrow().key());
          row.add(
              CaseFileFormat.customCell(
                  values.get(field.name()), values.missing().get(field.name())));
        }
      }
      rows.computeIfAbsent(Sheet.CASES, s -> new ArrayList<>()).add(row);
      for (Sheet sheet : CaseFileFormat.dataSheets(form)) {
        if (sheet.section() == null) {
          continue;
        }
        for (SectionValues item : stored.data().items(sheet.section())) {
          List<String> itemRow = new ArrayList<>(List.of(stored.header().studyCode()));
          for (Variable variable : CaseFileFormat.variables(sheet, form)) {
            itemRow.add(
                CaseFileFormat.cell(
                    item.get(variable.name()), item.missing().get(variable.name())));
          }
          rows.computeIfAbsent(sheet, s -> new ArrayList<>()).add(itemRow);
        }
      }
    }
    List<CaseFileWriter.SheetContent> sheets = new ArrayList<>();
    for (Sheet sheet : CaseFileFormat.dataSheets(form)) {
      sheets.add(
          new CaseFileWriter.SheetContent(
              sheet,
              CaseFileFormat.columns(sheet, identifiers, form),
              rows.getOrDefault(sheet, List.of())));
    }
    byte[] file =
        write(format, sheets, Codebook.build(messages, sites(series, account), identifiers, form));
    exportAudit.record(
        account, seriesId, format, rows.getOrDefault(Sheet.CASES, List.of()).size(), identifiers);
    return file;
  }

  private static byte[] write(
      Format format, List<CaseFileWriter.SheetContent> sheets, Codebook.Content codebook) {
    return format == Format.XLSX
        ? CaseFileWriter.xlsx(sheets, codebook)
        : CaseFileWriter.zip(sheets, codebook);
  }

  private static List<HospitalSite> sites(CaseSeries series, CurrentAccount account) {
    return series.getSites().stream()
        .filter(site -> CasePolicy.canSee(account, site.getId()))
        .sorted(Comparator.comparing(HospitalSite::getCode))
        .toList();
  }

  /** Puts a problem the case service found on the sheet, row and cell it came from. */
  private static ImportProblem place(CaseImportResult.Problem problem, Interpretation file) {
    CaseRows rows = file.rows().get(problem.ref());
    String field = problem.field();
    Section section =
        problem.section() != null
            ? problem.section()
            : CaseVariables.exists(field) ? CaseVariables.get(field).section() : null;
    if (section != null && section.isList() && problem.item() != null) {
      Sheet sheet = Sheet.of(section);
      List<ItemRow> items = rows.items().getOrDefault(section, List.of());
      if (problem.item() < items.size()) {
        ItemRow item = items.get(problem.item());
        return new ImportProblem(
            file.sheetName(sheet),
            item.row(),
            field,
            item.cells().getOrDefault(field, ""),
            problem.messageKey(),
            problem.arguments());
      }
      return new ImportProblem(
          file.sheetName(sheet), null, field, "", problem.messageKey(), problem.arguments());
    }
    return new ImportProblem(
        file.sheetName(Sheet.CASES),
        rows.row(),
        field,
        rows.cells().getOrDefault(field, ""),
        problem.messageKey(),
        problem.arguments());
  }
}
