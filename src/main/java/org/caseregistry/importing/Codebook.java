package org.caseregistry.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.ValueType;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.SectionDefinition;
import org.caseregistry.importing.CaseFileFormat.Sheet;
import org.caseregistry.site.HospitalSite;
import org.springframework.context.MessageSource;

/**
 * The codebook sheet: every column of every data sheet (custom fields included) with its labels in
 * English and Vietnamese, section, type, limits and what a missing value may say; coded columns one
 * row per allowed code with its labels, so that the workbook's drop-down lists can point at them.
 */
final class Codebook {

  static final List<String> COLUMNS =
      List.of(
          "sheet",
          "column",
          "label_en",
          "label_vi",
          "section",
          "type",
          "range",
          "usual_range",
          "max_length",
          "missing_reasons",
          "code",
          "code_label_en",
          "code_label_vi");

  private static final String DATE_FORMAT = " (yyyy-mm-dd)";

  /** The codebook's column that holds the codes (0-based). */
  static final int CODE_COLUMN = COLUMNS.indexOf("code");

  /** The rows (without the header), and per "sheet/column" the rows holding its codes. */
  record Content(List<List<String>> rows, Map<String, int[]> codeRows) {}

  private Codebook() {}

  /** What every row of one column repeats: the column's description. */
  private record Column(
      String sheet,
      String name,
      String en,
      String vi,
      String section,
      String type,
      String range,
      String usual,
      String length,
      List<String> reasons) {

    List<String> row(String code, String codeEn, String codeVi) {
      return List.of(
          sheet,
          name,
          en,
          vi,
          section,
          type,
          range,
          usual,
          length,
          String.join(", ", reasons),
          code,
          codeEn,
          codeVi);
    }
  }

  /** The rows as they are added, and where each coded column's codes are. */
  private static final class Rows {
    final List<List<String>> rows = new ArrayList<>();
    final Map<String, int[]> codeRows = new LinkedHashMap<>();

    void plain(Column column) {
      rows.add(column.row("", "", ""));
    }

    /** A coded column: one row per code ({code, English, Vietnamese}); a drop-down if wanted. */
    void coded(Column column, List<String[]> codes, boolean dropDown) {
      int first = rows.size();
      for (String[] code : codes) {
        rows.add(column.row(code[0], code[1], code[2]));
      }
      if (dropDown && rows.size() > first) {
        codeRows.put(column.sheet() + "/" + column.name(), new int[] {first, rows.size() - 1});
      }
    }
  }

  static Content build(
      MessageSource messages,
      List<HospitalSite> sites,
      boolean withIdentifiers,
      FormDefinition form) {
    Rows rows = new Rows();
    for (Sheet sheet : CaseFileFormat.dataSheets(form)) {
      String sheetName = sheet.sheetName();
      rows.plain(studyCode(messages, sheetName));
      if (sheet == Sheet.CASES) {
        Column site =
            new Column(
                sheetName,
                CaseFileFormat.SITE_CODE,
                message(messages, "import.codebook.site-code", Locale.ENGLISH),
                message(messages, "import.codebook.site-code", CodeMatcher.VIETNAMESE),
                "",
                "CODE",
                "",
                "",
                "",
                List.of());
        rows.coded(
            site,
            sites.stream().map(s -> new String[] {s.getCode(), s.getName(), s.getName()}).toList(),
            true);
      }
      for (Variable variable : CaseFileFormat.variables(sheet, form)) {
        if (!variable.identifier() || withIdentifiers) {
          variable(messages, sheetName, variable, rows);
        }
      }
      if (sheet == Sheet.CASES) {
        for (FieldDefinition field : CaseFileFormat.customFields(form)) {
          SectionDefinition section = form.sectionOf(field.name()).orElseThrow();
          custom(messages, sheetName, section, field, withIdentifiers, rows);
        }
      }
    }
    for (SectionDefinition section : CustomSheets.sections(form)) {
      String sheetName = CustomSheets.sheetName(section);
      rows.plain(studyCode(messages, sheetName));
      for (FieldDefinition field : CaseFileFormat.enteredFields(section)) {
        custom(messages, sheetName, section, field, withIdentifiers, rows);
      }
    }
    return new Content(rows.rows, rows.codeRows);
  }

  private static Column studyCode(MessageSource messages, String sheetName) {
    return new Column(
        sheetName,
        CaseFileFormat.STUDY_CODE,
        message(messages, "import.codebook.study-code", Locale.ENGLISH),
        message(messages, "import.codebook.study-code", CodeMatcher.VIETNAMESE),
        "",
        "TEXT",
        "",
        "",
        "30",
        List.of());
  }

  private static void variable(
      MessageSource messages, String sheetName, Variable variable, Rows rows) {
    List<String> reasons = new ArrayList<>();
    if (variable.acceptsMissingReason()) {
      reasons.add(MissingReason.UNKNOWN.name());
      if (variable.notApplicableAllowed()) {
        reasons.add(MissingReason.NOT_APPLICABLE.name());
      }
    }
    Column column =
        new Column(
            sheetName,
            variable.name(),
            message(messages, variable.labelKey(), Locale.ENGLISH),
            message(messages, variable.labelKey(), CodeMatcher.VIETNAMESE),
            variable.section().slug(),
            variable.type().name() + (variable.type() == ValueType.DATE ? DATE_FORMAT : ""),
            variable.min() == null ? "" : plain(variable.min()) + "–" + plain(variable.max()),
            variable.usualMin() == null
                ? ""
                : plain(variable.usualMin()) + "–" + plain(variable.usualMax()),
            variable.maxLength() > 0 ? String.valueOf(variable.maxLength()) : "",
            reasons);
    if (!variable.isCoded()) {
      rows.plain(column);
      return;
    }
    List<String[]> codes = new ArrayList<>();
    for (CodeOption option : variable.options()) {
      codes.add(
          new String[] {
            option.code(),
            label(messages, option, Locale.ENGLISH),
            label(messages, option, CodeMatcher.VIETNAMESE)
          });
    }
    codes.addAll(reasonCodes(messages, reasons));
    rows.coded(column, codes, true);
  }

  /**
   * A custom field: its labels from the form; choices one row per code (check boxes are codes
   * joined by "|", so only single choices and yes/no get a drop-down).
   */
  private static void custom(
      MessageSource messages,
      String sheetName,
      SectionDefinition section,
      FieldDefinition field,
      boolean withIdentifiers,
      Rows rows) {
    if (field.identifier() && !withIdentifiers) {
      return;
    }
    List<String> reasons = new ArrayList<>();
    if (field.unknownAllowed()) {
      reasons.add(MissingReason.UNKNOWN.name());
    }
    if (field.notApplicableAllowed()) {
      reasons.add(MissingReason.NOT_APPLICABLE.name());
    }
    Column column =
        new Column(
            sheetName,
            field.name(),
            field.labelEn(),
            field.labelVi(),
            section.key(),
            field.type().name() + (field.type() == FieldType.DATE ? DATE_FORMAT : ""),
            range(field.min(), field.max()),
            range(field.usualMin(), field.usualMax()),
            field.maxLength() == null ? "" : String.valueOf(field.maxLength()),
            reasons);
    List<Choice> choices = field.effectiveChoices();
    if (choices.isEmpty()) {
      rows.plain(column);
      return;
    }
    List<String[]> codes = new ArrayList<>();
    for (Choice choice : choices) {
      codes.add(new String[] {choice.code(), choice.labelEn(), choice.labelVi()});
    }
    codes.addAll(reasonCodes(messages, reasons));
    rows.coded(column, codes, field.type() != FieldType.MULTIPLE_CHOICE);
  }

  private static List<String[]> reasonCodes(MessageSource messages, List<String> reasons) {
    List<String[]> codes = new ArrayList<>();
    for (String reason : reasons) {
      String key = MissingReason.valueOf(reason).messageKey();
      codes.add(
          new String[] {
            reason,
            message(messages, key, Locale.ENGLISH),
            message(messages, key, CodeMatcher.VIETNAMESE)
          });
    }
    return codes;
  }

  private static String range(String lower, String upper) {
    if (lower == null && upper == null) {
      return "";
    }
    return (lower == null ? "" : lower) + "–" + (upper == null ? "" : upper);
  }

  private static String label(MessageSource messages, CodeOption option, Locale locale) {
    String label = message(messages, option.labelKey(), locale);
    if (option.literalLabel() == null) {
      return label;
    }
    return label.equals(option.labelKey()) || label.equals(option.literalLabel())
        ? option.literalLabel()
        : option.literalLabel() + " – " + label;
  }

  private static String message(MessageSource messages, String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
