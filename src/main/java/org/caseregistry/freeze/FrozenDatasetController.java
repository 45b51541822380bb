package org.caseregistry.freeze;

import java.util.Locale;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.platform.NotFoundException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The frozen datasets of a series: the list, freezing, one dataset, its files, withdrawal. */
@Controller
@RequestMapping("/series/{seriesId}/frozen")
class FrozenDatasetController {

  private final FrozenDatasetService frozen;

  FrozenDatasetController(FrozenDatasetService frozen) {
    this.frozen = frozen;
  }

  @GetMapping
  String list(@PathVariable long seriesId, Model model, CurrentAccount account) {
    model.addAttribute("series", frozen.series(seriesId, account));
    model.addAttribute("datasets", frozen.list(seriesId, account));
    return "freeze/list";
  }

  @PostMapping
  String freeze(
      @PathVariable long seriesId,
      @RequestParam(required = false) String name,
      Locale locale,
      Model model,
      RedirectAttributes redirect,
      CurrentAccount account) {
    FrozenDatasetService.Outcome outcome = frozen.freeze(seriesId, name, account, locale);
    if (outcome.problem() != null) {
      model.addAttribute("series", frozen.series(seriesId, account));
      model.addAttribute("datasets", frozen.list(seriesId, account));
      model.addAttribute("name", name);
      model.addAttribute("nameError", outcome.problem());
      return "freeze/list";
    }
    redirect.addFlashAttribute("flash", "freeze.done");
    return "redirect:/series/" + seriesId + "/frozen/" + outcome.id();
  }

  @GetMapping("/{datasetId}")
  String show(
      @PathVariable long seriesId,
      @PathVariable long datasetId,
      Model model,
      CurrentAccount account) {
    model.addAttribute("series", frozen.series(seriesId, account));
    model.addAttribute("dataset", frozen.get(seriesId, datasetId, account));
    return "freeze/show";
  }

  /** The file byte for byte as frozen, with its checksum in a header. */
  @GetMapping("/{datasetId}/files/{fileName:.+}")
  ResponseEntity<byte[]> file(
      @PathVariable long seriesId,
      @PathVariable long datasetId,
      @PathVariable String fileName,
      CurrentAccount account) {
    FrozenDataset dataset = frozen.get(seriesId, datasetId, account);
    FrozenDataset.StoredFile stored =
        dataset.files().stream()
            .filter(file -> file.name().equals(fileName))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    byte[] content = frozen.content(seriesId, datasetId, fileName, account);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(stored.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("frozen-" + datasetId + "-" + stored.name())
                .build()
                .toString())
        .header("X-Content-SHA256", stored.sha256())
        .body(content);
  }

  @PostMapping("/{datasetId}/withdraw")
  String withdraw(
      @PathVariable long seriesId,
      @PathVariable long datasetId,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect,
      CurrentAccount account) {
    String problem = frozen.withdraw(seriesId, datasetId, reason, account);
    if (problem != null) {
      redirect.addFlashAttribute("withdrawError", problem);
    } else {
      redirect.addFlashAttribute("flash", "freeze.withdrawn");
    }
    return "redirect:/series/" + seriesId + "/frozen/" + datasetId;
  }
}
