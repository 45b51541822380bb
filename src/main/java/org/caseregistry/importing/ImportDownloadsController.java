package org.caseregistry.importing;

import java.nio.charset.StandardCharsets;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.importing.ImportFormatFiles.Format;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The downloads of the import page: the template, and the series' cases in import format. */
@Controller
@RequestMapping("/series/{seriesId}/import")
class ImportDownloadsController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  private final ImportFormatFiles formatFiles;

  ImportDownloadsController(ImportFormatFiles formatFiles) {
    this.formatFiles = formatFiles;
  }

  @GetMapping("/template.xlsx")
  ResponseEntity<byte[]> templateXlsx(@PathVariable long seriesId, CurrentAccount account) {
    return template(seriesId, account, Format.XLSX, "case-import-template.xlsx");
  }

  @GetMapping("/template.zip")
  ResponseEntity<byte[]> templateZip(@PathVariable long seriesId, CurrentAccount account) {
    return template(seriesId, account, Format.ZIP, "case-import-template-csv.zip");
  }

  @GetMapping("/export.xlsx")
  ResponseEntity<byte[]> exportXlsx(@PathVariable long seriesId, CurrentAccount account) {
    return export(seriesId, account, Format.XLSX, "cases-series-" + seriesId + ".xlsx");
  }

  @GetMapping("/export.zip")
  ResponseEntity<byte[]> exportZip(@PathVariable long seriesId, CurrentAccount account) {
    return export(seriesId, account, Format.ZIP, "cases-series-" + seriesId + "-csv.zip");
  }

  private ResponseEntity<byte[]> template(
      long seriesId, CurrentAccount account, Format format, String fileName) {
    return download(formatFiles.template(seriesId, format, account), fileName, type(format));
  }

  private ResponseEntity<byte[]> export(
      long seriesId, CurrentAccount account, Format format, String fileName) {
    return download(formatFiles.export(seriesId, format, account), fileName, type(format));
  }

  private static MediaType type(Format format) {
    return format == Format.XLSX ? XLSX : ZIP;
  }

  /** A file to download, named in the Content-Disposition header. */
  static ResponseEntity<byte[]> download(byte[] bytes, String fileName, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }
}
