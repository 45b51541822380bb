package org.caseregistry.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.caseregistry.catalog.CodeOption;

/**
 * The statistical scripts that come with every dataset export, the way REDCap's statistical exports
 * work: an R script ({@code analysis.R}), a Stata do-file ({@code analysis.do}) and an SPSS syntax
 * file ({@code analysis.sps}) that read the CSV files of the ZIP and apply the variable labels,
 * value labels for every coded variable (in the export's language), the types and the missing-value
 * codes (the "unknown" and "not applicable" codes of a variable). Plain Java, built from the same
 * column list as the CSV files, so that scripts and files cannot disagree.
 */
final class AnalysisScripts {

  private AnalysisScripts() {}

  record Script(String fileName, String text) {}

  static List<Script> all(List<DatasetLayout.File> files, Labels labels) {
    return List.of(
        new Script("analysis.R", r(files, labels)),
        new Script("analysis.do", stata(files, labels)),
        new Script("analysis.sps", spss(files, labels)));
  }

  // ---------------------------------------------------------------- R

  static String r(List<DatasetLayout.File> files, Labels labels) {
    StringBuilder out = new StringBuilder();
    out.append("# Case Registry dataset: reads the CSV files of this ZIP and applies the labels.\n")
        .append("# Base R only. Run it in the unzipped folder: source(\"analysis.R\")\n")
        .append("# Coded variables become factors (levels = codes, labels = words); their\n")
        .append("# \"unknown\" and \"not applicable\" codes are kept as levels and listed in the\n")
        .append("# attribute \"missing_codes\". Empty cells are NA; why a value is missing is in\n")
        .append("# missing_reasons.csv. Each variable's label is in the attribute \"label\".\n\n")
        .append("registry_label <- function(x, label) { attr(x, \"label\") <- label; x }\n\n");
    for (DatasetLayout.File file : files) {
      String frame = file.name();
      out.append(frame)
          .append(" <- read.csv(\"")
          .append(file.name())
          .append(".csv\", colClasses = \"character\", na.strings = \"\",")
          .append(" fileEncoding = \"UTF-8\", check.names = FALSE)\n");
      for (DatasetLayout.Column column : file.columns()) {
        String ref = frame + "[[\"" + column.name() + "\"]]";
        if (column.number()) {
          out.append(ref)
              .append(" <- as.")
              .append("DECIMAL".equals(column.type()) ? "numeric" : "integer")
              .append("(")
              .append(ref)
              .append(")\n");
        } else if (!column.options().isEmpty()) {
          out.append(ref)
              .append(" <- factor(")
              .append(ref)
              .append(", levels = c(")
              .append(join(column.options(), option -> rString(option.code())))
              .append("), labels = c(")
              .append(join(column.options(), option -> rString(labels.code(option))))
              .append("))\n");
          List<CodeOption> missing = missingCodes(column);
          if (!missing.isEmpty()) {
            out.append("attr(")
                .append(ref)
                .append(", \"missing_codes\") <- c(")
                .append(join(missing, option -> rString(option.code())))
                .append(")\n");
          }
        }
        out.append(ref)
            .append(" <- registry_label(")
            .append(ref)
            .append(", ")
            .append(rString(label(column, labels)))
            .append(")\n");
      }
      out.append('\n');
    }
    out.append("missing_reasons <- read.csv(\"missing_reasons.csv\", colClasses = \"character\",")
        .append(" na.strings = \"\", fileEncoding = \"UTF-8\")\n")
        .append("missing_reasons[[\"reason\"]] <- factor(missing_reasons[[\"reason\"]],")
        .append(" levels = c(\"UNKNOWN\", \"NOT_APPLICABLE\"))\n");
    return out.toString();
  }

  private static String rString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }

  // ---------------------------------------------------------------- Stata

  /**
   * Stata labels only numeric variables: each coded variable is turned into numbers 1, 2, … in the
   * catalog's order, its unknown code into the extended missing value .u and its not-applicable
   * code into .n, each with its label.
   */
  static String stata(List<DatasetLayout.File> files, Labels labels) {
    StringBuilder out = new StringBuilder();
    out.append("* Case Registry dataset: reads the CSV files of this ZIP and applies the labels.\n")
        .append("* Run it in the unzipped folder: do analysis.do\n")
        .append("* Coded variables become numbers with value labels; unknown = .u,")
        .append(" not applicable = .n.\n")
        .append("* One .dta file is saved per CSV file.\n")
        .append("version 14\n")
        .append("set more off\n\n");
    for (DatasetLayout.File file : files) {
      out.append("import delimited using \"")
          .append(file.name())
          .append(".csv\", varnames(1) stringcols(_all) encoding(\"utf-8\") clear\n");
      for (DatasetLayout.Column column : file.columns()) {
        String name = column.name();
        if (column.number()) {
          out.append("destring ").append(name).append(", replace\n");
        } else if (!column.options().isEmpty()) {
          String numbered = stataName(name);
          out.append("generate ").append(numbered).append(" = .\n");
          List<String> defines = new ArrayList<>();
          int next = 1;
          for (CodeOption option : column.options()) {
            String value =
                option.isUnknown()
                    ? ".u"
                    : option.isNotApplicable() ? ".n" : String.valueOf(next++);
            out.append("replace ")
                .append(numbered)
                .append(" = ")
                .append(value)
                .append(" if ")
                .append(name)
                .append(" == ")
                .append(stataString(option.code()))
                .append('\n');
            defines.add(value + " " + stataString(labels.code(option)));
          }
          out.append("label define ")
              .append(labelName(name))
              .append(' ')
              .append(String.join(" ", defines))
              .append(", replace\n")
              .append("drop ")
              .append(name)
              .append('\n')
              .append("rename ")
              .append(numbered)
              .append(' ')
              .append(name)
              .append('\n')
              .append("label values ")
              .append(name)
              .append(' ')
              .append(labelName(name))
              .append('\n');
        }
        out.append("label variable ")
            .append(name)
            .append(' ')
            .append(stataString(truncate(label(column, labels), 80)))
            .append('\n');
      }
      out.append("save \"").append(file.name()).append(".dta\", replace\n\n");
    }
    return out.toString();
  }

  private static String stataName(String name) {
    return truncate("_n_" + name, 32);
  }

  private static String labelName(String name) {
    return truncate("l_" + name, 32);
  }

  private static String stataString(String text) {
    // Compound quotes hold any text but a closing compound quote.
    return "`\"" + text.replace("\"'", "\" '").replace("\n", " ") + "\"'";
  }

  // ---------------------------------------------------------------- SPSS

  /**
   * SPSS reads each file with its types; coded variables are recoded into numbers 1, 2, … in the
   * catalog's order, with value labels, the unknown and not-applicable codes as user-missing
   * values.
   */
  static String spss(List<DatasetLayout.File> files, Labels labels) {
    StringBuilder out = new StringBuilder();
    out.append("* Case Registry dataset: reads the CSV files of this ZIP and applies the labels.\n")
        .append("* Run it with the unzipped folder as the working directory (CD).\n")
        .append("* Coded variables become numbers with value labels; unknown and not\n")
        .append("* applicable codes are user-missing values.\n")
        .append("SET UNICODE=ON.\n\n");
    for (DatasetLayout.File file : files) {
      out.append("GET DATA /TYPE=TXT /FILE='")
          .append(file.name())
          .append(".csv' /ENCODING='UTF8' /DELIMITERS=',' /QUALIFIER='\"'")
          .append(" /ARRANGEMENT=DELIMITED /FIRSTCASE=2 /VARIABLES=\n");
      for (DatasetLayout.Column column : file.columns()) {
        out.append("  ")
            .append(column.name())
            .append(' ')
            .append(column.number() ? "F12.4" : "A" + textWidth(column))
            .append('\n');
      }
      out.append(".\nDATASET NAME ").append(file.name()).append(".\n");
      StringBuilder variableLabels = new StringBuilder("VARIABLE LABELS\n");
      for (DatasetLayout.Column column : file.columns()) {
        String name = column.name();
        String target = name;
        if (!column.options().isEmpty()) {
          target = truncate("n_" + name, 64);
          out.append("RECODE ").append(name);
          List<String> valueLabels = new ArrayList<>();
          List<String> missing = new ArrayList<>();
          int next = 1;
          for (CodeOption option : column.options()) {
            int value = option.isUnknown() ? 98 : option.isNotApplicable() ? 99 : next++;
            out.append(" (")
                .append(spssString(option.code()))
                .append('=')
                .append(value)
                .append(')');
            valueLabels.add(value + " " + spssString(labels.code(option)));
            if (option.isUnknown() || option.isNotApplicable()) {
              missing.add(String.valueOf(value));
            }
          }
          out.append(" INTO ").append(target).append(".\n");
          out.append("VALUE LABELS ")
              .append(target)
              .append(' ')
              .append(String.join(" ", valueLabels))
              .append(".\n");
          if (!missing.isEmpty()) {
            out.append("MISSING VALUES ")
                .append(target)
                .append(" (")
                .append(String.join(", ", missing))
                .append(").\n");
          }
          out.append("FORMATS ").append(target).append(" (F2.0).\n");
        }
        variableLabels
            .append("  ")
            .append(target)
            .append(' ')
            .append(spssString(label(column, labels)))
            .append('\n');
      }
      out.append(variableLabels.toString().stripTrailing()).append(".\nEXECUTE.\n\n");
    }
    return out.toString();
  }

  private static int textWidth(DatasetLayout.Column column) {
    return "TEXT".equals(column.type()) ? 2000 : 100;
  }

  private static String spssString(String text) {
    return "'" + text.replace("'", "''").replace("\n", " ") + "'";
  }

  // ---------------------------------------------------------------- shared

  private static String label(DatasetLayout.Column column, Labels labels) {
    String label = labels.message(column.labelKey());
    return column.unit().isEmpty() ? label : label + " (" + column.unit() + ")";
  }

  private static List<CodeOption> missingCodes(DatasetLayout.Column column) {
    return column.options().stream()
        .filter(option -> option.isUnknown() || option.isNotApplicable())
        .toList();
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }

  private static String join(List<CodeOption> options, Function<CodeOption, String> part) {
    return String.join(", ", options.stream().map(part).toList());
  }
}
