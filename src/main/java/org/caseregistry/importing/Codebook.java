package org.caseregistry.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Variable;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.importing.CaseFileFormat.Sheet;
import org.caseregistry.site.HospitalSite;
import org.springframework.context.MessageSource;

/**
 * The codebook sheet: every column of every data sheet with its labels in English and Vietnamese,
 * section, type, limits and what a missing value may say; coded columns one row per allowed code
 * with its labels, so that the workbook's drop-down lists can point at them.
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

  /** The codebook's column that holds the codes (0-based). */
  static final int CODE_COLUMN = COLUMNS.indexOf("code");

  /** The rows (without the header), and per "sheet/column" the rows holding its codes. */
  record Content(List<List<String>> rows, Map<String, int[]> codeRows) {}

  private Codebook() {}

  static Content build(
      MessageSource messages,
      List<HospitalSite> sites,
      boolean withIdentifiers,
      FormDefinition form) {
    List<List<String>> rows = new ArrayList<>();
    Map<String, int[]> codeRows = new LinkedHashMap<>();
    for (Sheet sheet : CaseFileFormat.dataSheets(form)) {
      String sheetName = sheet.sheetName();
      rows.add(
          row(
              sheetName,
              CaseFileFormat.STUDY_CODE,
              message(messages, "import.codebook.study-code", Locale.ENGLISH),
              message(messages, "import.codebook.study-code", CodeMatcher.VIETNAMESE),
              "",
              "TEXT",
              "",
              "",
              "30",
              "",
              "",
              "",
              ""));
      if (sheet == Sheet.CASES) {
        int first = rows.size();
        for (HospitalSite site : sites) {
          rows.add(
              row(
                  sheetName,
                  CaseFileFormat.SITE_CODE,
                  message(messages, "import.codebook.site-code", Locale.ENGLISH),
                  message(messages, "import.codebook.site-code", CodeMatcher.VIETNAMESE),
                  "",
                  "CODE",
                  "",
                  "",
                  "",
                  "",
                  site.getCode(),
                  site.getName(),
                  site.getName()));
        }
        if (!sites.isEmpty()) {
          codeRows.put(
              sheetName + "/" + CaseFileFormat.SITE_CODE, new int[] {first, rows.size() - 1});
        }
      }
      for (Variable variable : CaseFileFormat.variables(sheet, form)) {
        if (variable.identifier() && !withIdentifiers) {
          continue;
        }
        String en = message(messages, variable.labelKey(), Locale.ENGLISH);
        String vi = message(messages, variable.labelKey(), CodeMatcher.VIETNAMESE);
        String range =
            variable.min() == null ? "" : plain(variable.min()) + "–" + plain(variable.max());
        String usual =
            variable.usualMin() == null
                ? ""
                : plain(variable.usualMin()) + "–" + plain(variable.usualMax());
        String length = variable.maxLength() > 0 ? String.valueOf(variable.maxLength()) : "";
        List<String> reasons = new ArrayList<>();
        if (variable.acceptsMissingReason()) {
          reasons.add(MissingReason.UNKNOWN.name());
          if (variable.notApplicableAllowed()) {
            reasons.add(MissingReason.NOT_APPLICABLE.name());
          }
        }
        String section = variable.section().slug();
        String type =
            variable.type().name() + (variable.type().name().equals("DATE") ? " (yyyy-mm-dd)" : "");
        if (!variable.isCoded()) {
          rows.add(
              row(
                  sheetName,
                  variable.name(),
                  en,
                  vi,
                  section,
                  type,
                  range,
                  usual,
                  length,
                  String.join(", ", reasons),
                  "",
                  "",
                  ""));
          continue;
        }
        int first = rows.size();
        for (CodeOption option : variable.options()) {
          rows.add(
              row(
                  sheetName,
                  variable.name(),
                  en,
                  vi,
                  section,
                  type,
                  range,
                  usual,
                  length,
                  String.join(", ", reasons),
                  option.code(),
                  label(messages, option, Locale.ENGLISH),
                  label(messages, option, CodeMatcher.VIETNAMESE)));
        }
        for (String reason : reasons) {
          String key = MissingReason.valueOf(reason).messageKey();
          rows.add(
              row(
                  sheetName,
                  variable.name(),
                  en,
                  vi,
                  section,
                  type,
                  range,
                  usual,
                  length,
                  String.join(", ", reasons),
                  reason,
                  message(messages, key, Locale.ENGLISH),
                  message(messages, key, CodeMatcher.VIETNAMESE)));
        }
        codeRows.put(sheetName + "/" + variable.name(), new int[] {first, rows.size() - 1});
      }
    }
    return new Content(rows, codeRows);
  }

  private static List<String> row(String... cells) {
    return List.of(cells);
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
