package org.caseregistry.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.platform.CsvText;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.SeriesService;
import org.springframework.dao.DataAccessException;
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
 * Import pages of a series: upload, dry-run result, commit (the template and the export in import
 * format: {@link ImportDownloadsController}). The uploaded file waits in PostgreSQL between the dry
 * run and the commit (see {@link ImportUploads}), so that any instance can take the commit; the
 * commit reads and judges the file again and refuses it when a case changed since the dry run.
 */
@Controller
@RequestMapping("/series/{seriesId}/import")
class ImportController {

  private final ImportService importService;
  private final SeriesService seriesService;
  private final ImportMessages importMessages;
  private final ImportUploads uploads;

  ImportController(
      ImportService importService,
      SeriesService seriesService,
      ImportMessages importMessages,
      ImportUploads uploads) {
    this.importService = importService;
    this.seriesService = seriesService;
    this.importMessages = importMessages;
    this.uploads = uploads;
  }

  @GetMapping
  String upload(@PathVariable long seriesId, Model model, CurrentAccount account) {
    prepare(seriesId, model, account);
    return "import/upload";
  }

  @PostMapping
  String check(
      @PathVariable long seriesId,
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean updateExisting,
      Model model,
      CurrentAccount account)
      throws IOException {
    prepare(seriesId, model, account);
    if (file == null || file.isEmpty()) {
      model.addAttribute("uploadError", "import.file.none");
      return "import/upload";
    }
    if (file.getSize() > CaseFileFormat.MAX_BYTES) {
      model.addAttribute("uploadError", "import.file.too-large");
      return "import/upload";
    }
    String fileName = fileName(file);
    byte[] bytes = file.getBytes();
    ImportService.Checked checked =
        importService.checkForCommit(seriesId, fileName, bytes, updateExisting, account);
    ImportReport report = checked.report();
    boolean committable = report.committable();
    UUID token =
        uploads.save(
            account.id(),
            seriesId,
            fileName,
            updateExisting,
            committable ? bytes : null,
            committable ? checked.revisions() : Map.of(),
            report);
    if (committable) {
      model.addAttribute("token", token.toString());
    }
    model.addAttribute("report", report);
    return "import/result";
  }

  /** Every problem and warning of the last check, as CSV in the reader's language. */
  @GetMapping("/problems.csv")
  ResponseEntity<byte[]> problems(
      @PathVariable long seriesId, Locale locale, CurrentAccount account) throws IOException {
    seriesService.visible(seriesId, account);
    ImportReport last =
        uploads.lastReport(account.id(), seriesId).orElseThrow(NotFoundException::new);
    StringBuilder csv = new StringBuilder("\uFEFF");
    try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
      printer.printRecord("kind", "sheet", "row", "column", "value", "message");
      for (ImportProblem problem : last.problems()) {
        printer.printRecord(
            "problem",
            CsvText.neutralised(problem.sheet()),
            problem.row(),
            CsvText.neutralised(problem.column()),
            CsvText.neutralised(problem.value()),
            CsvText.neutralised(importMessages.problem(problem, locale)));
      }
      for (ImportReport.WarningRow warning : last.warnings()) {
        printer.printRecord(
            "warning",
            CsvText.neutralised(warning.sheet()),
            warning.row(),
            CsvText.neutralised(warning.studyCode()),
            "",
            CsvText.neutralised(importMessages.warning(warning, locale)));
      }
    }
    return ImportDownloadsController.download(
        csv.toString().getBytes(StandardCharsets.UTF_8),
        "import-problems.csv",
        MediaType.parseMediaType("text/csv;charset=UTF-8"));
  }

  @PostMapping("/commit")
  String commit(
      @PathVariable long seriesId,
      @RequestParam String token,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    CaseSeries series = prepare(seriesId, model, account);
    ImportUploads.Pending pending =
        parseToken(token)
            .flatMap(uuid -> uploads.pending(uuid, account.id(), seriesId))
            .orElse(null);
    if (pending == null) {
      model.addAttribute("uploadError", "import.pending.expired");
      return "import/upload";
    }
    ImportReport report;
    try {
      report =
          importService.commitChecked(
              seriesId,
              pending.fileName(),
              pending.bytes(),
              pending.updateExisting(),
              pending.revisions(),
              account);
    } catch (EditConflictException | DataAccessException failed) {
      model.addAttribute("uploadError", "import.commit.failed");
      return "import/upload";
    }
    uploads.finish(pending.token(), report);
    if (!report.written()) {
      model.addAttribute("report", report);
      model.addAttribute("commitRefused", true);
      return "import/result";
    }
    redirect.addFlashAttribute("imported", report);
    return "redirect:/series/" + series.getId() + "/import/done";
  }

  @GetMapping("/done")
  String done(@PathVariable long seriesId, Model model, CurrentAccount account) {
    prepare(seriesId, model, account);
    if (!model.containsAttribute("imported")) {
      return "redirect:/series/" + seriesId + "/import";
    }
    return "import/done";
  }

  private CaseSeries prepare(long seriesId, Model model, CurrentAccount account) {
    CaseSeries series = seriesService.visible(seriesId, account);
    model.addAttribute("series", series);
    model.addAttribute("canImportNew", CasePolicy.canImportNew(account));
    model.addAttribute("canImportUpdates", CasePolicy.canImportUpdates(account));
    model.addAttribute("canExport", ImportFormatFiles.canExport(account));
    model.addAttribute("maxMegabytes", CaseFileFormat.MAX_BYTES / (1024 * 1024));
    model.addAttribute("maxRows", CaseFileFormat.MAX_ROWS);
    model.addAttribute("shown", SHOWN);
    return series;
  }

  private static Optional<UUID> parseToken(String token) {
    try {
      return Optional.of(UUID.fromString(token));
    } catch (IllegalArgumentException notAToken) {
      return Optional.empty();
    }
  }

  /** Rows of each table the result page shows; the counts above them say how many there are. */
  static final int SHOWN = 1000;

  private static String fileName(MultipartFile file) {
    String name = file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      return "upload";
    }
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.length() > 200 ? name.substring(0, 200) : name;
  }
}
