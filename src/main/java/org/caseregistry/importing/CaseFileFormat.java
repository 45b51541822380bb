package org.caseregistry.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caseregistry.cases.ValueParser;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldValues;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.platform.CsvText;

/**
 * The interchange format of cases, in one place: what the template, the export "in import format"
 * and the import all follow.
 *
 * <ul>
 *   <li>A workbook (XLSX) with the sheets {@code cases}, {@code complications}, {@code nodes},
 *       {@code followup} and {@code codebook}; or the same sheets as CSV files ({@code cases.csv},
 *       …) in a ZIP; or a single {@code cases.csv}. CSV: UTF-8 with or without byte-order mark,
 *       comma or semicolon separated (detected from the header line).
 *   <li>Row 1 holds the column names; every further non-blank row is one case (sheet {@code cases})
 *       or one list item (the list sheets, in the order of their rows).
 *   <li>{@code cases}: {@code study_code}, {@code site_code}, then every variable of the single
 *       sections in catalog order. The list sheets: {@code study_code}, then the variables of their
 *       section. A column name is the variable name (= database column).
 *   <li>Coded variables hold the code (the catalog's enum name, e.g. {@code LOWER_THIRD}, {@code
 *       T1A}); a label in English or Vietnamese, or a notation such as "T1a", is accepted when it
 *       names exactly one code. A missing value with a reason is {@code UNKNOWN} or {@code
 *       NOT_APPLICABLE} in the cell, for any type; an empty cell is "not entered". Dates are ISO
 *       (yyyy-mm-dd; dd/mm/yyyy is accepted), decimals with a point (a comma is accepted).
 *   <li>Derived columns that exports add ({@link #DERIVED_COLUMNS}) are ignored with a note; any
 *       other unknown column is an error.
 * </ul>
 */
public final class CaseFileFormat {

  public static final String STUDY_CODE = "study_code";
  public static final String SITE_CODE = "site_code";

  /** Uploads larger than this are refused before they are read. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  /** Data rows per sheet. */
  public static final int MAX_ROWS = 20_000;

  /**
   * Columns a sheet may have: the widest sheet of the format, with every derived column an export
   * adds, plus a margin for a few extra columns a user may add. A cell beyond it is refused before
   * the row is held, so that a cell far to the right cannot make every row cost its width.
   */
  public static final int MAX_COLUMNS =
      Arrays.stream(Sheet.values()).mapToInt(sheet -> columns(sheet, true).size()).max().orElse(0)
          + 100;

  /** Columns an export may add that the registry computes itself: recognised, then ignored. */
  public static final Set<String> DERIVED_COLUMNS =
      Set.of(
          "bmi",
          "age_at_surgery",
          "clinical_stage",
          "clinical_stage_reason",
          "pathological_stage",
          "pathological_stage_reason",
          "pn_from_count",
          "nodes_positive_total",
          "nodes_examined_total",
          "length_of_stay_days",
          "cci",
          "worst_clavien_dindo",
          "complication_count",
          "warnings",
          "warning_codes",
          "warning_count",
          "sections_filled",
          "status",
          "site_name",
          "series_title",
          "demo",
          "created_at",
          "created_by",
          "updated_at",
          "updated_by");

  /** The sheets, in the order a workbook holds them. */
  public enum Sheet {
    CASES("cases", null),
    COMPLICATIONS("complications", Section.COMPLICATIONS),
    NODES("nodes", Section.NODES),
    FOLLOWUP("followup", Section.FOLLOWUP),
    GASTRIC_COMPLICATIONS("gastric_complications", Section.GASTRIC_COMPLICATIONS),
    GASTRIC_NODES("gastric_nodes", Section.GASTRIC_NODES),
    CODEBOOK("codebook", null);

    private final String sheetName;
    private final Section section;

    Sheet(String sheetName, Section section) {
      this.sheetName = sheetName;
      this.section = section;
    }

    public String sheetName() {
      return sheetName;
    }

    public String fileName() {
      return sheetName + ".csv";
    }

    /** The list section a list sheet holds; null for cases and codebook. */
    public Section section() {
      return section;
    }

    public boolean holdsData() {
      return this != CODEBOOK;
    }

    /** The sheet a section's variables go into. */
    public static Sheet of(Section section) {
      for (Sheet sheet : values()) {
        if (sheet.section == section) {
          return sheet;
        }
      }
      return CASES;
    }

    /** A sheet or file name, case-insensitive, with or without ".csv", and trimmed. */
    public static Sheet named(String name) {
      String plain = plainName(name);
      for (Sheet sheet : values()) {
        if (sheet.sheetName.equals(plain)) {
          return sheet;
        }
      }
      return null;
    }
  }

  private CaseFileFormat() {}

  /** A sheet or file name as the format compares it: lower case, without folder and ".csv". */
  static String plainName(String name) {
    String plain = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    int slash = plain.lastIndexOf('/');
    plain = plain.substring(slash + 1);
    if (plain.endsWith(".csv")) {
      plain = plain.substring(0, plain.length() - 4).strip();
    }
    return plain;
  }

  /**
   * The variables a data sheet holds for a series with the form every series had before forms (the
   * esophagectomy modules), in column order (after study_code and site_code).
   */
  public static List<Variable> variables(Sheet sheet) {
    return variables(sheet, FormTemplate.ESOPHAGECTOMY.definition());
  }

  private static List<Variable> allVariables(Sheet sheet) {
    if (sheet == Sheet.CASES) {
      return CaseVariables.all().stream().filter(v -> !v.section().isList()).toList();
    }
    return sheet.section() == null ? List.of() : CaseVariables.of(sheet.section());
  }

  /** The variables a data sheet holds for a series with this form: its modules' only. */
  public static List<Variable> variables(Sheet sheet, FormDefinition form) {
    return allVariables(sheet).stream().filter(v -> form.hasModule(v.section())).toList();
  }

  /** The data sheets of a series with this form: cases and the list sheets of its modules. */
  public static List<Sheet> dataSheets(FormDefinition form) {
    return Arrays.stream(Sheet.values())
        .filter(Sheet::holdsData)
        .filter(sheet -> sheet.section() == null || form.hasModule(sheet.section()))
        .toList();
  }

  /** The columns of a data sheet for a series with this form, in order. */
  public static List<String> columns(Sheet sheet, boolean withIdentifiers, FormDefinition form) {
    List<String> columns = new ArrayList<>();
    columns.add(STUDY_CODE);
    if (sheet == Sheet.CASES) {
      columns.add(SITE_CODE);
    }
    for (Variable variable : variables(sheet, form)) {
      if (withIdentifiers || !variable.identifier()) {
        columns.add(variable.name());
      }
    }
    if (sheet == Sheet.CASES) {
      for (FieldDefinition field : customFields(form)) {
        if (withIdentifiers || !field.identifier()) {
          columns.add(field.name());
        }
      }
    }
    return columns;
  }

  /**
   * The custom fields the cases sheet holds, after the built-in variables: every entered field of
   * the form's single custom sections (calculations are the registry's own, never imported).
   * Repeating custom sections have a sheet each ({@link CustomSheets}).
   */
  public static List<FieldDefinition> customFields(FormDefinition form) {
    List<FieldDefinition> fields = new ArrayList<>();
    for (SectionDefinition section : form.sections()) {
      if (!section.repeating()) {
        fields.addAll(enteredFields(section));
      }
    }
    return fields;
  }

  /** The fields of a custom section a file holds: calculations are the registry's own. */
  public static List<FieldDefinition> enteredFields(SectionDefinition section) {
    return section.valueFields().stream().filter(f -> f.type().isEntered()).toList();
  }

  /** How a stored custom value is written in a cell: check boxes as codes joined by "|". */
  public static String customCell(Object value, MissingReason reason) {
    if (value instanceof Collection<?> codes) {
      return codes.isEmpty() ? "" : String.join("|", codes.stream().map(String::valueOf).toList());
    }
    if (value != null) {
      return FieldValues.format(value);
    }
    return reason == null ? "" : reason.name();
  }

  /** The columns of a data sheet for a series with the esophagectomy modules, in order. */
  public static List<String> columns(Sheet sheet, boolean withIdentifiers) {
    return columns(sheet, withIdentifiers, FormTemplate.ESOPHAGECTOMY.definition());
  }

  /** How a stored value (or the reason it is missing) is written in a cell; "" when not entered. */
  public static String cell(Object value, MissingReason reason) {
    if (value != null) {
      return ValueParser.format(value);
    }
    return reason == null ? "" : reason.name();
  }

  /** A cell that gives a reason instead of a value: UNKNOWN or NOT_APPLICABLE, any case. */
  public static MissingReason missingReason(String cell) {
    String text = cell == null ? "" : cell.strip();
    for (MissingReason reason : MissingReason.values()) {
      if (reason.name().equalsIgnoreCase(text)) {
        return reason;
      }
    }
    return null;
  }

  /**
   * How a text is written in a CSV cell of the format: neutralised as every CSV of the registry
   * ({@link CsvText}); and a text that starts with an apostrophe which {@link #restored} would take
   * away ({@code '=1+1}, {@code ''x}) gets one more, so that reading gives back exactly what was
   * stored, whatever it is. Other texts ({@code 'quoted}) are written as they are.
   */
  static String neutralised(String cell) {
    if (CsvText.startsFormula(cell)
        || (cell != null && cell.startsWith("'") && !restored(cell).equals(cell))) {
      return "'" + cell;
    }
    return cell;
  }

  /** Undoes {@link #neutralised}: a CSV cell of ours reads back exactly as it was written. */
  static String restored(String cell) {
    if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'') {
      String rest = cell.substring(1);
      if (rest.startsWith("'") || CsvText.startsFormula(rest)) {
        return rest;
      }
    }
    return cell;
  }
}
