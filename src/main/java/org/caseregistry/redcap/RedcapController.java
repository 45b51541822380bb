package org.caseregistry.redcap;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.CurrentAccounts;
import org.caseregistry.importing.CaseFileFormat;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.redcap.RecordExportConverter.SiteChoice;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.SeriesService;
import org.caseregistry.site.HospitalSite;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The REDCap page of a series: the form downloaded as a data dictionary; a dictionary uploaded (dry
 * run, then apply); REDCap records imported (dry run, then commit). An upload waits in the session
 * between its dry run and its apply or commit, which read and judge it again.
 */
@Controller
@RequestMapping("/series/{seriesId}/redcap")
class RedcapController {

  static final String PENDING_DICTIONARY = RedcapController.class.getName() + ".dictionary";
  static final String PENDING_RECORDS = RedcapController.class.getName() + ".records";

  private static final String PAGE = "redcap/page";
  private static final String DICTIONARY_RESULT = "redcap/dictionary-result";
  private static final String RECORDS_RESULT = "redcap/records-result";
  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  /** A dictionary between its dry run and its apply. */
  record PendingDictionary(
      String token, long seriesId, String fileName, byte[] bytes, int baseVersion)
      implements Serializable {}

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
      implements Serializable {

    RedcapRecordService.Options options() {
      SiteChoice site =
          siteColumn != null
              ? SiteChoice.fromColumn(siteColumn)
              : SiteChoice.forWholeFile(siteCode);
      return new RedcapRecordService.Options(site, leaveOutUnknownColumns, updateExisting);
    }
  }

  private final RedcapService redcapService;
  private final RedcapRecordService recordService;
  private final SeriesService seriesService;
  private final CurrentAccounts currentAccounts;

  RedcapController(
      RedcapService redcapService,
      RedcapRecordService recordService,
      SeriesService seriesService,
      CurrentAccounts currentAccounts) {
    this.redcapService = redcapService;
    this.recordService = recordService;
    this.seriesService = seriesService;
    this.currentAccounts = currentAccounts;
  }

  @GetMapping
  String page(@PathVariable long seriesId, Model model) {
    prepare(seriesId, model);
    return PAGE;
  }

  @GetMapping("/dictionary.csv")
  ResponseEntity<byte[]> download(@PathVariable long seriesId) {
    byte[] bytes = redcapService.dictionary(seriesId, currentAccounts.get());
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("series-" + seriesId + "-redcap-dictionary.csv", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }

  @PostMapping("/dictionary")
  String checkDictionary(
      @PathVariable long seriesId,
      @RequestParam(value = "file", required = false) MultipartFile file,
      HttpSession session,
      Model model)
      throws IOException {
    CurrentAccount account = currentAccounts.get();
    redcapService.requireUploader(seriesId, account);
    prepare(seriesId, model);
    session.removeAttribute(PENDING_DICTIONARY);
    String error = uploadError(file, RedcapService.MAX_BYTES);
    if (error != null) {
      model.addAttribute("dictionaryError", error);
      return PAGE;
    }
    byte[] bytes = file.getBytes();
    RedcapService.Outcome outcome = redcapService.check(seriesId, bytes, account);
    if (outcome.applicable()) {
      PendingDictionary pending =
          new PendingDictionary(
              UUID.randomUUID().toString(), seriesId, fileName(file), bytes, outcome.baseVersion());
      session.setAttribute(PENDING_DICTIONARY, pending);
      model.addAttribute("token", pending.token());
    }
    model.addAttribute("fileName", fileName(file));
    model.addAttribute("outcome", outcome);
    return DICTIONARY_RESULT;
  }

  @PostMapping("/dictionary/apply")
  String applyDictionary(
      @PathVariable long seriesId,
      @RequestParam String token,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    CurrentAccount account = currentAccounts.get();
    redcapService.requireUploader(seriesId, account);
    prepare(seriesId, model);
    if (!(session.getAttribute(PENDING_DICTIONARY) instanceof PendingDictionary pending)
        || !pending.token().equals(token)
        || pending.seriesId() != seriesId) {
      model.addAttribute("dictionaryError", "redcap.pending.expired");
      return PAGE;
    }
    session.removeAttribute(PENDING_DICTIONARY);
    RedcapService.Outcome outcome;
    try {
      outcome = redcapService.apply(seriesId, pending.bytes(), pending.baseVersion(), account);
    } catch (EditConflictException conflict) {
      model.addAttribute("dictionaryError", "redcap.dictionary.conflict");
      return PAGE;
    }
    if (!outcome.saved()) {
      model.addAttribute("fileName", pending.fileName());
      model.addAttribute("outcome", outcome);
      model.addAttribute("applyRefused", true);
      return DICTIONARY_RESULT;
    }
    redirect.addFlashAttribute("appliedVersion", outcome.savedVersion());
    return "redirect:/series/" + seriesId + "/redcap";
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
      Model model)
      throws IOException {
    CurrentAccount account = currentAccounts.get();
    prepare(seriesId, model);
    session.removeAttribute(PENDING_RECORDS);
    String error = uploadError(file, CaseFileFormat.MAX_BYTES);
    boolean fromColumn = "column".equals(siteFrom);
    String column = blankToNull(siteColumn);
    String code = blankToNull(siteCode);
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
            fileName(file),
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
      RedirectAttributes redirect) {
    CurrentAccount account = currentAccounts.get();
    prepare(seriesId, model);
    if (!(session.getAttribute(PENDING_RECORDS) instanceof PendingRecords pending)
        || !pending.token().equals(token)
        || pending.seriesId() != seriesId) {
      model.addAttribute("recordsError", "redcap.pending.expired");
      return PAGE;
    }
    session.removeAttribute(PENDING_RECORDS);
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

  private void prepare(long seriesId, Model model) {
    CurrentAccount account = currentAccounts.get();
    CaseSeries series = seriesService.visible(seriesId, account);
    List<HospitalSite> sites =
        series.getSites().stream()
            .filter(site -> account.canSeeSite(site.getId()))
            .sorted(Comparator.comparing(HospitalSite::getCode))
            .toList();
    model.addAttribute("series", series);
    model.addAttribute("sites", sites);
    model.addAttribute("canUpload", RedcapService.canUpload(account));
    model.addAttribute("formVersion", redcapService.currentVersion(seriesId, account));
    model.addAttribute("shown", SHOWN);
  }

  /** Rows of each table a result page shows; the counts above them say how many there are. */
  static final int SHOWN = 1000;

  private static String uploadError(MultipartFile file, long maxBytes) {
    if (file == null || file.isEmpty()) {
      return "redcap.file.none";
    }
    if (file.getSize() > maxBytes) {
      return "redcap.file.too-large";
    }
    return null;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String fileName(MultipartFile file) {
    String name = file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      return "upload.csv";
    }
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.length() > 200 ? name.substring(0, 200) : name;
  }
}
