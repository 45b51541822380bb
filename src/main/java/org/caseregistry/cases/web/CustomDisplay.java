package org.caseregistry.cases.web;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.caseregistry.cases.CaseDisplay;
import org.caseregistry.cases.SectionValues;
import org.caseregistry.cases.storage.CaseAuditLog;
import org.caseregistry.catalog.MissingReason;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;
import org.caseregistry.form.FormDefinition;
import org.caseregistry.form.FormEvaluator;
import org.caseregistry.form.SectionDefinition;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Custom fields in the words of the reader's language: the form's own labels (English or
 * Vietnamese), choice labels for codes, a decimal comma in Vietnamese, and "unknown", "not
 * applicable" and "not entered" kept apart, as {@link CaseDisplay} does for built-in variables.
 */
@Component("customDisplay")
public class CustomDisplay {

  private final MessageSource messages;
  private final CaseDisplay caseDisplay;

  CustomDisplay(MessageSource messages, CaseDisplay caseDisplay) {
    this.messages = messages;
    this.caseDisplay = caseDisplay;
  }

  public static boolean vietnamese(Locale locale) {
    return locale != null && "vi".equals(locale.getLanguage());
  }

  public String label(FieldDefinition field, Locale locale) {
    return field.label(vietnamese(locale));
  }

  public String hint(FieldDefinition field, Locale locale) {
    return field.hint(vietnamese(locale));
  }

  public String label(SectionDefinition section, Locale locale) {
    return section.label(vietnamese(locale));
  }

  public String label(Choice choice, Locale locale) {
    return choice.label(vietnamese(locale));
  }

  /** A section's label by key, for history entries (the key itself once it is gone). */
  public String sectionLabel(FormDefinition form, String key, Locale locale) {
    return form.section(key).map(section -> label(section, locale)).orElse(key);
  }

  /** A field's label by name, for history entries. */
  public String fieldLabel(FormDefinition form, String name, Locale locale) {
    return form.field(name).map(field -> label(field, locale)).orElse(name);
  }

  /** An audit value of a custom field: code labels and missing reasons in words. */
  public String auditValue(FormDefinition form, String name, String value, Locale locale) {
    if (value == null) {
      return "–";
    }
    for (MissingReason reason : MissingReason.values()) {
      if (CaseAuditLog.missingMarker(reason).equals(value)) {
        return messages.getMessage(reason.messageKey(), null, locale);
      }
    }
    FieldDefinition field = form.field(name).orElse(null);
    if (field == null || !field.type().isCoded()) {
      return value;
    }
    if (field.type() == FieldType.MULTIPLE_CHOICE) {
      return text(field, List.of(value.split(",")), locale);
    }
    return codeLabel(field, value, locale);
  }

  /** The warnings of one custom section. */
  public List<FormEvaluator.Warning> warningsOf(List<FormEvaluator.Warning> warnings, String key) {
    return warnings.stream().filter(warning -> warning.section().equals(key)).toList();
  }

  /** The choices a form offers: not retired, except a retired code the record still holds. */
  public List<Choice> offered(FieldDefinition field, Object stored) {
    return field.effectiveChoices().stream()
        .filter(choice -> !choice.retired() || holds(stored, choice.code()))
        .toList();
  }

  /** Whether a typed form value (codes joined by commas) holds a code. */
  public boolean ticked(String typed, String code) {
    return typed != null && Set.of(typed.split(",")).contains(code);
  }

  public boolean isBlank(FieldDefinition field, SectionValues values) {
    Object value = values.get(field.name());
    return value == null || value instanceof Collection<?> codes && codes.isEmpty();
  }

  public String value(FieldDefinition field, SectionValues values, Locale locale) {
    Object value = values.get(field.name());
    if (value == null || value instanceof Collection<?> codes && codes.isEmpty()) {
      MissingReason reason = values.missing().get(field.name());
      return messages.getMessage(
          reason == null ? "missing.not-entered" : reason.messageKey(), null, locale);
    }
    return text(field, value, locale);
  }

  public String text(FieldDefinition field, Object value, Locale locale) {
    if (value instanceof Collection<?> codes) {
      return String.join(
          "; ",
          codes.stream().map(code -> codeLabel(field, String.valueOf(code), locale)).toList());
    }
    if (field.type().isCoded()) {
      return codeLabel(field, value.toString(), locale);
    }
    if (value instanceof BigDecimal number) {
      return withUnit(field, caseDisplay.number(number, locale));
    }
    if (value instanceof Integer) {
      return withUnit(field, value.toString());
    }
    return value.toString();
  }

  private String codeLabel(FieldDefinition field, String code, Locale locale) {
    return field.choice(code).map(choice -> label(choice, locale)).orElse(code);
  }

  private static String withUnit(FieldDefinition field, String number) {
    return field.unit() == null || field.unit().isBlank() ? number : number + " " + field.unit();
  }

  private static boolean holds(Object stored, String code) {
    if (stored instanceof Collection<?> codes) {
      return codes.contains(code);
    }
    return code.equals(stored);
  }

  /** The input type of a field on the form. */
  public String inputType(FieldDefinition field) {
    return switch (field.type()) {
      case DATE -> "date";
      case TIME -> "time";
      default -> "text";
    };
  }

  public boolean takesReason(FieldDefinition field) {
    return field.type() != FieldType.CALCULATED
        && field.type() != FieldType.DESCRIPTIVE
        && (field.unknownAllowed() || field.notApplicableAllowed());
  }
}
