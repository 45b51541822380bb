package org.caseregistry.redcap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.redcap.RedcapCsv.Line;

/**
 * Turns REDCap's flat record export (raw codes or labels, one column per variable, {@code
 * field___code} columns for check boxes, the record identifier first) into the registry's import
 * file for the series' form. It decides nothing the import decides: values pass through as they are
 * (dates in the field's REDCap format become ISO dates), so the import's checks report them.
 */
public final class RecordExportConverter {

  /** Where the site of each record comes from. */
  public record SiteChoice(String column, String siteCode) {

    public static SiteChoice fromColumn(String column) {
      return new SiteChoice(column.strip(), null);
    }

    public static SiteChoice forWholeFile(String siteCode) {
      return new SiteChoice(null, siteCode.strip());
    }
  }

  /** Columns REDCap adds for longitudinal projects and repeating instruments. */
  private static final Set<String> STRUCTURE_COLUMNS =
      Set.of("redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance");

  /** Columns REDCap adds about records, not data of the form. */
  private static final Set<String> BOOKKEEPING_COLUMNS =
      Set.of("redcap_data_access_group", "redcap_survey_identifier");

  private static final Pattern CHECKBOX_COLUMN = Pattern.compile("(.+)___(.+)");
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");

  /** How the import reads several codes of a multiple-choice field in one cell. */
  private final String codeSeparator;

  public RecordExportConverter(String codeSeparator) {
    this.codeSeparator = codeSeparator;
  }

  public RecordExportConversion convert(
      byte[] export, FormDefinition form, SiteChoice site, boolean leaveOutUnknownColumns) {
    List<RecordExportConversion.Problem> problems = new ArrayList<>();
    List<RecordExportConversion.Note> notes = new ArrayList<>();
    List<Line> lines = RedcapCsv.parse(export);
    if (lines.isEmpty() || lines.get(0).blank()) {
      problems.add(new RecordExportConversion.Problem(null, null, null, "redcap.records.empty"));
      return new RecordExportConversion(new byte[0], problems, notes);
    }
    List<String> header = lines.get(0).cells().stream().map(String::strip).toList();
    Map<String, FieldDefinition> fields = new LinkedHashMap<>();
    form.fields().forEach(field -> fields.put(field.name(), field));
    Map<String, Integer> siteColumn = new LinkedHashMap<>();
    if (site.column() != null) {
      int index = header.indexOf(site.column());
      if (index < 0) {
        problems.add(
            new RecordExportConversion.Problem(
                null, site.column(), null, "redcap.records.site-column-missing"));
        return new RecordExportConversion(new byte[0], problems, notes);
      }
      siteColumn.put(site.column(), index);
    }

    // Output columns: study_code, site_code, then each field once, check boxes gathered.
    Map<String, List<int[]>> sources = new LinkedHashMap<>();
    Map<String, List<String>> checkboxCodes = new LinkedHashMap<>();
    for (int column = 1; column < header.size(); column++) {
      String name = header.get(column);
      if (name.isEmpty() || siteColumn.containsValue(column)) {
        continue;
      }
      if (STRUCTURE_COLUMNS.contains(name)) {
        if (columnHasValues(lines, column)) {
          problems.add(
              new RecordExportConversion.Problem(null, name, null, "redcap.records.structure"));
        } else {
          notes.add(new RecordExportConversion.Note(name, "redcap.records.note.empty-structure"));
        }
        continue;
      }
      if (BOOKKEEPING_COLUMNS.contains(name) || name.endsWith("_timestamp")) {
        notes.add(new RecordExportConversion.Note(name, "redcap.records.note.bookkeeping"));
        continue;
      }
      Matcher checkbox = CHECKBOX_COLUMN.matcher(name);
      if (checkbox.matches()
          && fields.containsKey(checkbox.group(1))
          && fields.get(checkbox.group(1)).type() == FieldType.MULTIPLE_CHOICE) {
        String field = checkbox.group(1);
        // REDCap writes a negative code -1 as field____1: the fourth underscore is the minus.
        String code =
            checkbox.group(2).startsWith("_")
                ? "-" + checkbox.group(2).substring(1)
                : checkbox.group(2);
        sources.computeIfAbsent(field, key -> new ArrayList<>()).add(new int[] {column});
        checkboxCodes.computeIfAbsent(field, key -> new ArrayList<>()).add(code);
        continue;
      }
      FieldDefinition field = fields.get(name);
      if (field == null) {
        if (name.endsWith("_complete")) {
          notes.add(new RecordExportConversion.Note(name, "redcap.records.note.form-status"));
        } else if (leaveOutUnknownColumns) {
          notes.add(new RecordExportConversion.Note(name, "redcap.records.note.unknown-left-out"));
        } else {
          // Passed through: the import reports it as a column the form does not have.
          sources.put(name, List.<int[]>of(new int[] {column}));
        }
        continue;
      }
      if (field.type() == FieldType.CALCULATED) {
        notes.add(new RecordExportConversion.Note(name, "redcap.records.note.calculated"));
        continue;
      }
      sources.put(name, List.<int[]>of(new int[] {column}));
    }

    StringBuilder out = new StringBuilder();
    List<String> outHeader = new ArrayList<>(List.of("study_code", "site_code"));
    outHeader.addAll(sources.keySet());
    RedcapCsv.appendLine(out, outHeader);
    for (int i = 1; i < lines.size(); i++) {
      Line line = lines.get(i);
      int row = i + 1;
      List<String> cells = new ArrayList<>();
      cells.add(line.cell(0).strip());
      cells.add(
          site.column() != null
              ? line.cell(siteColumn.get(site.column())).strip()
              : site.siteCode());
      for (Map.Entry<String, List<int[]>> source : sources.entrySet()) {
        String name = source.getKey();
        FieldDefinition field = fields.get(name);
        if (checkboxCodes.containsKey(name)) {
          cells.add(
              ticked(line, row, header, source.getValue(), checkboxCodes.get(name), problems));
        } else {
          String value = line.cell(source.getValue().get(0)[0]);
          cells.add(field == null ? value : value(field, value.strip()));
        }
      }
      RedcapCsv.appendLine(out, cells);
    }
    return new RecordExportConversion(
        out.toString().getBytes(StandardCharsets.UTF_8), problems, notes);
  }

  private String ticked(
      Line line,
      int row,
      List<String> header,
      List<int[]> columns,
      List<String> codes,
      List<RecordExportConversion.Problem> problems) {
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      int column = columns.get(i)[0];
      String cell = line.cell(column).strip();
      if (cell.equals("1") || cell.equalsIgnoreCase("Checked")) {
        chosen.add(codes.get(i));
      } else if (!cell.isEmpty() && !cell.equals("0") && !cell.equalsIgnoreCase("Unchecked")) {
        problems.add(
            new RecordExportConversion.Problem(
                row, header.get(column), cell, "redcap.records.checkbox-value"));
      }
    }
    return String.join(codeSeparator, chosen);
  }

  /** A date in the field's REDCap format (day or month first) as an ISO date; else as it is. */
  private static String value(FieldDefinition field, String value) {
    if (field.type() != FieldType.DATE || value.isEmpty()) {
      return value;
    }
    Matcher matcher = DAY_FIRST.matcher(value);
    if (!matcher.matches()) {
      return value;
    }
    boolean monthFirst = "date_mdy".equals(field.validation());
    String day = monthFirst ? matcher.group(2) : matcher.group(1);
    String month = monthFirst ? matcher.group(1) : matcher.group(2);
    return matcher.group(3) + "-" + pad(month) + "-" + pad(day);
  }

  private static String pad(String number) {
    return number.length() == 1 ? "0" + number : number;
  }

  private static boolean columnHasValues(List<Line> lines, int column) {
    return lines.stream().skip(1).anyMatch(line -> !line.cell(column).isBlank());
  }
}
