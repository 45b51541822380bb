package org.caseregistry.cases;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.catalog.BuiltInApplicability;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.CodeOption;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.ValueType;
import org.caseregistry.catalog.Variable;
import org.caseregistry.staging.GastricNCategory;
import org.caseregistry.staging.StagingResult;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Turns stored values into the text a person reads, in their language: code labels, a decimal comma
 * in Vietnamese, and "unknown" / "not applicable" / "not entered" kept apart.
 */
@Component("caseDisplay")
public class CaseDisplay {

  private final MessageSource messages;

  CaseDisplay(MessageSource messages) {
    this.messages = messages;
  }

  public String value(Variable variable, SectionValues values, Locale locale) {
    Object value = values == null ? null : values.get(variable.name());
    if (value == null) {
      MissingReason reason = values == null ? null : values.missing().get(variable.name());
      return messages.getMessage(
          reason == null ? "missing.not-entered" : reason.messageKey(), null, locale);
    }
    return text(variable, value, locale);
  }

  public boolean isBlank(Variable variable, SectionValues values) {
    return values == null || values.get(variable.name()) == null;
  }

  public String text(Variable variable, Object value, Locale locale) {
    if (variable.isCoded()) {
      return variable
          .option((String) value)
          .map(option -> label(option, locale))
          .orElse(value.toString());
    }
    if (value instanceof BigDecimal decimal) {
      return number(decimal, locale);
    }
    return value.toString();
  }

  public String label(CodeOption option, Locale locale) {
    return option.literalLabel() != null
        ? option.literalLabel()
        : messages.getMessage(option.labelKey(), null, option.code(), locale);
  }

  /** Up to two decimals, with a decimal comma in Vietnamese. */
  public String number(BigDecimal value, Locale locale) {
    if (value == null) {
      return "–";
    }
    DecimalFormat format =
        new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    if ("vi".equals(locale.getLanguage())) {
      DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
      symbols.setDecimalSeparator(',');
      format.setDecimalFormatSymbols(symbols);
    }
    return format.format(value);
  }

  /** "N3a" for a stored N category name ("N3A"), "–" when none was derived. */
  public String nCategory(String storedName) {
    return storedName == null ? "–" : GastricNCategory.valueOf(storedName).code();
  }

  /** A stage group with its notation, e.g. "Stage IVA (pTNM)", or why it cannot be derived. */
  public String stage(StagingResult result, String prefix, Locale locale) {
    if (result == null) {
      return messages.getMessage("missing.not-entered", null, locale);
    }
    String notation = prefix == null ? "" : " (" + prefix.toLowerCase(Locale.ROOT) + "TNM)";
    // E.g. an esophagogastric-junction tumour staged with the gastric tables says so.
    String note =
        result
            .stagingNote()
            .map(n -> " – " + messages.getMessage(n.messageKey(), null, locale))
            .orElse("");
    return withoutNote(result, notation, locale) + note;
  }

  private String withoutNote(StagingResult result, String notation, Locale locale) {
    return result
        .stage()
        .map(stage -> messages.getMessage("stage." + stage.name(), null, locale) + notation)
        .orElseGet(
            () ->
                messages.getMessage(
                    "case.stage.not-derivable",
                    new Object[] {
                      messages.getMessage(
                          result.whyNotDerivable().orElseThrow().messageKey(), null, locale)
                    },
                    locale));
  }

  /**
   * Like {@link #stage(StagingResult, String, Locale)}, but says "not entered" when the reason is a
   * category (or the histology) that is merely not entered yet, rather than recorded as unknown.
   */
  public String stage(StagingResult result, String prefix, CaseData data, Locale locale) {
    if (result != null && result.stage().isEmpty() && data != null) {
      boolean clinical = "c".equals(prefix);
      String variable =
          switch (result.whyNotDerivable().orElseThrow()) {
            case T_UNKNOWN -> clinical ? "ct" : "pt";
            case N_UNKNOWN -> clinical ? "cn" : "pn";
            case M_UNKNOWN -> clinical ? "cm" : "pm";
            case HISTOLOGY_UNKNOWN -> "histology";
            default -> null;
          };
      if (variable != null && data.valueOrNull(variable) == null) {
        return messages.getMessage(
            "case.stage.not-entered",
            new Object[] {messages.getMessage("var." + variable, null, variable, locale)},
            locale);
      }
    }
    return stage(result, prefix, locale);
  }

  public String warning(CaseWarning warning, Locale locale) {
    Object[] arguments =
        warning.arguments().stream().map(argument -> argument(argument, locale)).toArray();
    String text = messages.getMessage(warning.messageKey(), arguments, warning.code(), locale);
    if (warning.variable() != null) {
      return messages.getMessage("var." + warning.variable(), null, warning.variable(), locale)
          + ": "
          + text;
    }
    return text;
  }

  private Object argument(Object argument, Locale locale) {
    if (argument instanceof String name) {
      if (CaseVariables.exists(name)) {
        return messages.getMessage("var." + name, null, name, locale);
      }
      Section section = Section.fromSlug(name);
      if (section != null) {
        return messages.getMessage(section.messageKey(), null, name, locale);
      }
    }
    return argument;
  }

  /** The label of a field named in an audit entry: a variable, or a case attribute. */
  public String field(String name, Locale locale) {
    if (name == null) {
      return "";
    }
    return messages.getMessage(
        new DefaultMessageSourceResolvable(
            new String[] {"var." + name, "case.field." + name}, name),
        locale);
  }

  /** An audit value: code labels and missing reasons in words. */
  public String auditValue(String field, String value, Locale locale) {
    if (value == null) {
      return "–";
    }
    for (MissingReason reason : MissingReason.values()) {
      if (CaseAuditLog.missingMarker(reason).equals(value)) {
        return messages.getMessage(reason.messageKey(), null, locale);
      }
    }
    if (field != null && CaseVariables.exists(field)) {
      Variable variable = CaseVariables.get(field);
      if (variable.isCoded()) {
        return text(variable, value, locale);
      }
      if (variable.type() == ValueType.DECIMAL) {
        return number(new BigDecimal(value), locale);
      }
    }
    return value;
  }

  /**
   * A value as a form holds it (the typed text, or empty with a missing reason), in words: code
   * labels, the reason, or "not entered".
   */
  public String formText(Variable variable, String text, String reason, Locale locale) {
    if (text == null || text.isBlank()) {
      MissingReason missing = null;
      for (MissingReason candidate : MissingReason.values()) {
        if (candidate.name().equals(reason)) {
          missing = candidate;
        }
      }
      return messages.getMessage(
          missing == null ? "missing.not-entered" : missing.messageKey(), null, locale);
    }
    return variable.isCoded() ? text(variable, text, locale) : text;
  }

  /** The branching condition of each field that has one, for the form's script. */
  public static Map<String, String> branchingConditions() {
    Map<String, String> conditions = new HashMap<>();
    for (BuiltInApplicability.Rule rule : BuiltInApplicability.rules()) {
      conditions.put(rule.variable(), rule.formCondition());
    }
    return conditions;
  }

  public List<Variable> variables(Section section) {
    return CaseVariables.of(section);
  }
}
