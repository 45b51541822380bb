package org.caseregistry.redcap;

import java.util.List;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.importing.ImportReport;
import org.caseregistry.importing.ImportService;
import org.caseregistry.redcap.RecordExportConverter.SiteChoice;
import org.caseregistry.series.FormService;
import org.springframework.stereotype.Service;

/**
 * Cases from REDCap's flat record export: the export is turned into the registry's own import file
 * for the series' form, and the case import judges and writes it (dry run, the same checks and
 * problems list, all or nothing), with the same access rules per case.
 */
@Service
public class RedcapRecordService {

  /** The name the converted file is imported under: a single cases sheet as CSV. */
  static final String CASES_FILE = "cases.csv";

  private final FormService formService;
  private final ImportService importService;
  private final RecordExportConverter converter = new RecordExportConverter("|");

  RedcapRecordService(FormService formService, ImportService importService) {
    this.formService = formService;
    this.importService = importService;
  }

  /** The conversion's own findings and the import's report of the converted file. */
  public record Outcome(RecordExportConversion conversion, ImportReport report) {

    public boolean committable() {
      return !conversion.hasProblems() && report.committable();
    }

    public boolean written() {
      return report.written();
    }
  }

  /** The options of one upload, kept between its dry run and its commit. */
  public record Options(SiteChoice site, boolean leaveOutUnknownColumns, boolean updateExisting) {}

  public Outcome check(long seriesId, byte[] export, Options options, CurrentAccount account) {
    RecordExportConversion conversion = convert(seriesId, export, options, account);
    return new Outcome(conversion, judge(seriesId, conversion, options, account));
  }

  /** Imports the export if neither the conversion nor the import finds a problem. */
  public Outcome commit(long seriesId, byte[] export, Options options, CurrentAccount account) {
    RecordExportConversion conversion = convert(seriesId, export, options, account);
    if (conversion.hasProblems()) {
      return new Outcome(conversion, judge(seriesId, conversion, options, account));
    }
    return new Outcome(
        conversion,
        importService.commit(
            seriesId, CASES_FILE, conversion.casesCsv(), options.updateExisting(), account));
  }

  /** The import's dry run of the converted file; nothing to judge when nothing was converted. */
  private ImportReport judge(
      long seriesId, RecordExportConversion conversion, Options options, CurrentAccount account) {
    if (conversion.casesCsv().length == 0) {
      return new ImportReport(
          CASES_FILE,
          options.updateExisting(),
          false,
          List.of(),
          List.of(),
          List.of(),
          0,
          0,
          0,
          List.of(),
          Map.of());
    }
    return importService.check(
        seriesId, CASES_FILE, conversion.casesCsv(), options.updateExisting(), account);
  }

  private RecordExportConversion convert(
      long seriesId, byte[] export, Options options, CurrentAccount account) {
    return converter.convert(
        export,
        formService.current(seriesId, account),
        options.site(),
        options.leaveOutUnknownColumns());
  }
}
