package org.caseregistry.redcap;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.importing.CaseFileFormat;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.FormText;
import org.caseregistry.redcap.RecordExportConverter.SiteChoice;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * REDCap records imported into a series: a record export uploaded (dry run, then commit). It waits
 * in the session between its dry run and its commit, which reads and judges it again.
 */
@Controller
@RequestMapping("/series/{seriesId}/redcap")
class RedcapRecordsController {

  static final String PENDING_RECORDS = RedcapRecordsController.class.getName() + ".records";

  private static final String PAGE = RedcapPages.PAGE;
  private static final String RECORDS_RESULT = "redcap/records-result";

  /** A record export between its dry run and its commit. */
  record PendingRecords(
      String token,
      long seriesId,
      String fileName,
      byte[] bytes,
      String siteColumn,
      String siteCode,
      boolean leaveOutUnknownColumns,
      boolean updateExisting)
      implements RedcapPages.Pending {

    RedcapRecordService.Options options() {
      SiteChoice site =
          siteColumn != null
              ? SiteChoice.fromColumn(siteColumn)
              : SiteChoice.forWholeFile(siteCode);
      return new RedcapRecordService.Options(site, leaveOutUnknownColumns, updateExisting);
    }
  }

  private final RedcapRecordService recordService;
  private final RedcapPages pages;

  RedcapRecordsController(RedcapRecordService recordService, RedcapPages pages) {
    this.recordService = recordService;
    this.pages = pages;
  }

  @PostMapping("/records")
  String checkRecords(
      @PathVariable long seriesId,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "file") String siteFrom,
      @RequestParam(required = false) String siteColumn,
      @RequestParam(required = false) String siteCode,
      @RequestParam(defaultValue = "false") boolean leaveOutUnknownColumns,
      @RequestParam(defaultValue = "false") boolean updateExisting,
      HttpSession session,
      Model model,
      CurrentAccount account)
      throws IOException {
    pages.prepare(seriesId, model, account);
    session.removeAttribute(PENDING_RECORDS);
    String error = RedcapPages.uploadError(file, CaseFileFormat.MAX_BYTES);
    boolean fromColumn = "column".equals(siteFrom);
    String column = FormText.optional(siteColumn);
    String code = FormText.optional(siteCode);
    if (error == null && fromColumn && column == null) {
      error = "redcap.records.site-column.none";
    }
    if (error == null && !fromColumn && code == null) {
      error = "redcap.records.site-code.none";
    }
    if (error != null) {
      model.addAttribute("recordsError", error);
      return PAGE;
    }
    PendingRecords pending =
        new PendingRecords(
            UUID.randomUUID().toString(),
            seriesId,
            RedcapPages.fileName(file),
            file.getBytes(),
            fromColumn ? column : null,
            fromColumn ? null : code,
            leaveOutUnknownColumns,
            updateExisting);
    RedcapRecordService.Outcome outcome =
        recordService.check(seriesId, pending.bytes(), pending.options(), account);
    if (outcome.committable()) {
      session.setAttribute(PENDING_RECORDS, pending);
      model.addAttribute("token", pending.token());
    }
    model.addAttribute("fileName", pending.fileName());
    model.addAttribute("outcome", outcome);
    return RECORDS_RESULT;
  }

  @PostMapping("/records/commit")
  String commitRecords(
      @PathVariable long seriesId,
      @RequestParam String token,
      HttpSession session,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    pages.prepare(seriesId, model, account);
    PendingRecords pending =
        RedcapPages.take(session, PENDING_RECORDS, PendingRecords.class, token, seriesId);
    if (pending == null) {
      model.addAttribute("recordsError", "redcap.pending.expired");
      return PAGE;
    }
    RedcapRecordService.Outcome outcome;
    try {
      outcome = recordService.commit(seriesId, pending.bytes(), pending.options(), account);
    } catch (EditConflictException | DataAccessException failed) {
      model.addAttribute("recordsError", "import.commit.failed");
      return PAGE;
    }
    if (!outcome.written()) {
      model.addAttribute("fileName", pending.fileName());
      model.addAttribute("outcome", outcome);
      model.addAttribute("commitRefused", true);
      return RECORDS_RESULT;
    }
    redirect.addFlashAttribute("importedCases", outcome.report().newCases());
    redirect.addFlashAttribute("updatedCases", outcome.report().updatedCases());
    return "redirect:/series/" + seriesId + "/redcap";
  }
}
