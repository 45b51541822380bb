package org.caseregistry.redcap;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.platform.EditConflictException;
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
 * The REDCap page of a series, and the form as a data dictionary: downloaded, or uploaded (dry run,
 * then apply). A dictionary waits in the session between its dry run and its apply, which reads and
 * judges it again. REDCap records: {@link RedcapRecordsController}.
 */
@Controller
@RequestMapping("/series/{seriesId}/redcap")
class RedcapController {

  static final String PENDING_DICTIONARY = RedcapController.class.getName() + ".dictionary";

  private static final String PAGE = RedcapPages.PAGE;
  private static final String DICTIONARY_RESULT = "redcap/dictionary-result";
  private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

  /** A dictionary between its dry run and its apply. */
  record PendingDictionary(
      String token, long seriesId, String fileName, byte[] bytes, int baseVersion)
      implements RedcapPages.Pending {}

  private final RedcapService redcapService;
  private final RedcapPages pages;

  RedcapController(RedcapService redcapService, RedcapPages pages) {
    this.redcapService = redcapService;
    this.pages = pages;
  }

  @GetMapping
  String page(@PathVariable long seriesId, Model model, CurrentAccount account) {
    pages.prepare(seriesId, model, account);
    return PAGE;
  }

  @GetMapping("/dictionary.csv")
  ResponseEntity<byte[]> download(@PathVariable long seriesId, CurrentAccount account) {
    byte[] bytes = redcapService.dictionary(seriesId, account);
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
      Model model,
      CurrentAccount account)
      throws IOException {
    redcapService.requireUploader(seriesId, account);
    pages.prepare(seriesId, model, account);
    session.removeAttribute(PENDING_DICTIONARY);
    String error = RedcapPages.uploadError(file, RedcapService.MAX_BYTES);
    if (error != null) {
      model.addAttribute("dictionaryError", error);
      return PAGE;
    }
    byte[] bytes = file.getBytes();
    RedcapService.Outcome outcome = redcapService.check(seriesId, bytes, account);
    if (outcome.applicable()) {
      PendingDictionary pending =
          new PendingDictionary(
              UUID.randomUUID().toString(),
              seriesId,
              RedcapPages.fileName(file),
              bytes,
              outcome.baseVersion());
      session.setAttribute(PENDING_DICTIONARY, pending);
      model.addAttribute("token", pending.token());
    }
    model.addAttribute("fileName", RedcapPages.fileName(file));
    model.addAttribute("outcome", outcome);
    return DICTIONARY_RESULT;
  }

  @PostMapping("/dictionary/apply")
  String applyDictionary(
      @PathVariable long seriesId,
      @RequestParam String token,
      HttpSession session,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    redcapService.requireUploader(seriesId, account);
    pages.prepare(seriesId, model, account);
    PendingDictionary pending =
        RedcapPages.take(session, PENDING_DICTIONARY, PendingDictionary.class, token, seriesId);
    if (pending == null) {
      model.addAttribute("dictionaryError", "redcap.pending.expired");
      return PAGE;
    }
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
}
