package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.cases.CasePolicy;
import org.caseregistry.cases.CaseService;
import org.caseregistry.cases.IdentifierPolicy;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.importing.CaseFileFormat.Sheet;
import org.caseregistry.report.ExportAudit;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesService;
import org.caseregistry.site.HospitalSite;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The files of the import format that the registry writes: the empty template (with its codebook
 * and the series' sites) and a series' cases in import format, the start of a round trip (export,
 * correct, import with "update existing cases").
 */
@Service
public class ImportFormatFiles {

  /** The two variants of the format. */
  public enum Format {
    XLSX,
    ZIP
  }

  private final CaseService caseService;
  private final SeriesService seriesService;
  private final MessageSource messages;
  private final FormService formService;
  private final ExportAudit exportAudit;

  ImportFormatFiles(
      CaseService caseService,
      SeriesService seriesService,
      MessageSource messages,
      FormService formService,
      ExportAudit exportAudit) {
    this.caseService = caseService;
    this.seriesService = seriesService;
    this.messages = messages;
    this.formService = formService;
    this.exportAudit = exportAudit;
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
    for (SectionDefinition section : CustomSheets.sections(form)) {
      sheets.add(
          new CaseFileWriter.SheetContent(
              CustomSheets.sheetName(section), CustomSheets.columns(section, true), List.of()));
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
    Map<String, List<List<String>>> customRows = new HashMap<>();
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
      for (SectionDefinition section : CustomSheets.sections(form)) {
        for (SectionValues item : stored.data().custom().items(section.key())) {
          List<String> itemRow = new ArrayList<>(List.of(stored.header().studyCode()));
          for (FieldDefinition field : CaseFileFormat.enteredFields(section)) {
            if (identifiers || !field.identifier()) {
              itemRow.add(
                  CaseFileFormat.customCell(
                      item.get(field.name()), item.missing().get(field.name())));
            }
          }
          customRows.computeIfAbsent(section.key(), s -> new ArrayList<>()).add(itemRow);
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
    for (SectionDefinition section : CustomSheets.sections(form)) {
      sheets.add(
          new CaseFileWriter.SheetContent(
              CustomSheets.sheetName(section),
              CustomSheets.columns(section, identifiers),
              customRows.getOrDefault(section.key(), List.of())));
    }
    byte[] file =
        write(format, sheets, Codebook.build(messages, sites(series, account), identifiers, form));
    exportAudit.record(
        account,
        seriesId,
        ExportAudit.Kind.IMPORT_FORMAT,
        format.name(),
        null,
        rows.getOrDefault(Sheet.CASES, List.of()).size(),
        identifiers);
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
}
