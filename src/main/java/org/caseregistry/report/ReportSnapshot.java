package org.caseregistry.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.series.CaseSeries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The export files of a series as they are at one moment, for a frozen dataset: the de-identified
 * dataset ZIP (with its codebook and analysis scripts), the per-patient tables (series of up to 30
 * cases) and the default summary table as CSV, exactly as the downloads give them, and the list of
 * cases they cover. Everything is read in one repeatable-read transaction, so the files agree with
 * each other and with the list; the export is audited like any other.
 */
@Service
public class ReportSnapshot {

  /** One file: its name in the frozen dataset, its media type and its bytes. */
  public record File(String name, String contentType, byte[] content) {}

  /** A case the files cover. */
  public record CoveredCase(long caseId, String studyCode, String siteCode, String signOff) {}

  public record Snapshot(List<File> files, List<CoveredCase> cases) {}

  private final ReportAccess access;
  private final ReportService reports;
  private final DatasetExport dataset;
  private final ExportAudit audit;
  private final ReportLabels labels;
  private final NamedParameterJdbcTemplate jdbc;

  ReportSnapshot(
      ReportAccess access,
      ReportService reports,
      DatasetExport dataset,
      ExportAudit audit,
      ReportLabels labels,
      NamedParameterJdbcTemplate jdbc) {
    this.access = access;
    this.reports = reports;
    this.dataset = dataset;
    this.audit = audit;
    this.labels = labels;
    this.jdbc = jdbc;
  }

  public static boolean canSnapshot(CurrentAccount account) {
    return ReportAccess.canExport(account);
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Snapshot take(CaseSeries series, CurrentAccount account, Locale locale) {
    access.requireExport(account);
    ReportFilter filter = access.filter(series, account, null, null, null);
    List<File> files = new ArrayList<>();
    try {
      ByteArrayOutputStream zip = new ByteArrayOutputStream();
      dataset.write(filter, false, false, labels.in(locale), zip);
      files.add(new File("dataset.zip", "application/zip", zip.toByteArray()));
      ReportService.PatientTablesResult patients = reports.patientTables(filter, locale);
      if (!patients.tooMany()) {
        files.add(csv("patient-tables.csv", patients.tables()));
      }
      ReportTable summary =
          reports.summary(
              filter,
              ReportService.chosenVariables(null),
              ReportService.chosenGrouping(null),
              locale);
      files.add(csv("summary.csv", List.of(summary)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MapSqlParameterSource params = new MapSqlParameterSource();
    List<CoveredCase> cases =
        jdbc.query(
            "select c.id, c.study_code, h.code, c.sign_off"
                + ReportFilter.FROM
                + filter.where(params)
                + " order by length(c.study_code), lower(c.study_code), c.id",
            params,
            (rs, row) ->
                new CoveredCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    audit.record(
        account,
        series.getId(),
        ExportAudit.Kind.DATASET,
        "FROZEN",
        filter.describe(),
        cases.size(),
        false);
    return new Snapshot(files, cases);
  }

  private static File csv(String name, List<ReportTable> tables) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableWriters.csv(tables, out);
    return new File(name, "text/csv; charset=UTF-8", out.toByteArray());
  }
}
