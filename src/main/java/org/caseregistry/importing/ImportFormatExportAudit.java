package org.caseregistry.importing;

import org.caseregistry.account.CurrentAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every export in import format in the registry's export audit (the table the reports'
 * downloads are recorded in, listed on the reports page), with whether identifiers were included:
 * who, when, which series, which format, how many cases.
 */
@Component
class ImportFormatExportAudit {

  private final JdbcClient jdbc;

  ImportFormatExportAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void record(
      CurrentAccount account,
      long seriesId,
      ImportFormatFiles.Format format,
      int caseCount,
      boolean identified) {
    jdbc.sql(
            "insert into export_audit (username, role, series_id, kind, format, case_count,"
                + " identified) values (:user, :role, :series, 'IMPORT_FORMAT', :format, :cases,"
                + " :identified)")
        .param("user", account.username())
        .param("role", account.role().name())
        .param("series", seriesId)
        .param("format", format.name())
        .param("cases", caseCount)
        .param("identified", identified)
        .update();
  }
}
