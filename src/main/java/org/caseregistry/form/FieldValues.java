package org.caseregistry.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed values of custom fields: read from what a person typed (or a file holds), checked against
 * the field's type, choices and hard limits, and written back as text. The typed forms are Integer,
 * BigDecimal, LocalDate, LocalTime, String (text, codes) and a List of codes (check boxes).
 */
public final class FieldValues {

  private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** The most decimals a decimal field keeps. */
  public static final int MAX_DECIMALS = 6;

  private FieldValues() {}

  /** A value read, or the message key (with arguments) of why it cannot be. */
  public record Parsed(Object value, String errorKey, List<Object> errorArgs) {
    static Parsed ok(Object value) {
      return new Parsed(value, null, List.of());
    }

    static Parsed error(String key, Object... args) {
      return new Parsed(null, key, List.of(args));
    }

    public boolean isError() {
      return errorKey != null;
    }
  }

  /**
   * Reads one value. {@code allowRetiredCode}: a stored code that was retired since stays valid for
   * the case that holds it.
   */
  public static Parsed parse(FieldDefinition field, String raw, String storedCode) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      return Parsed.ok(null);
    }
    if (hasControlCharacters(text)) {
      return Parsed.error("value.control-characters");
    }
    return switch (field.type()) {
      case INTEGER -> parseInteger(field, text);
      case DECIMAL -> parseDecimal(field, text);
      case DATE -> parseDate(field, text);
      case TIME -> parseTime(text);
      case TEXT, LONG_TEXT -> parseText(field, text);
      case SINGLE_CHOICE, YES_NO -> parseCode(field, text, storedCode);
      case MULTIPLE_CHOICE -> parseCodes(field, List.of(text.split("[,|]")), List.of());
      case CALCULATED, DESCRIPTIVE -> Parsed.ok(null);
    };
  }

  /** Reads the ticked codes of a check-box field. */
  public static Parsed parseCodes(
      FieldDefinition field, Collection<String> ticked, Collection<String> stored) {
    List<String> codes = new ArrayList<>();
    for (Choice choice : field.choices()) {
      boolean chosen = ticked.stream().anyMatch(code -> code.strip().equals(choice.code()));
      if (chosen && (!choice.retired() || stored.contains(choice.code()))) {
        codes.add(choice.code());
      }
    }
    for (String code : ticked) {
      String trimmed = code.strip();
      if (!trimmed.isEmpty() && field.choice(trimmed).isEmpty()) {
        return Parsed.error("value.unknown-code", trimmed);
      }
    }
    return Parsed.ok(codes.isEmpty() ? null : List.copyOf(codes));
  }

  private static Parsed parseCode(FieldDefinition field, String text, String storedCode) {
    return field
        .choice(text)
        .filter(choice -> !choice.retired() || text.equals(storedCode))
        .<Parsed>map(choice -> Parsed.ok(choice.code()))
        .orElseGet(() -> Parsed.error("value.unknown-code", text));
  }

  private static Parsed parseInteger(FieldDefinition field, String text) {
    if (!text.matches("-?\\d{1,9}")) {
      return Parsed.error("value.not-integer");
    }
    int value = Integer.parseInt(text);
    Parsed refused = outsideLimits(field, BigDecimal.valueOf(value));
    return refused != null ? refused : Parsed.ok(value);
  }

  private static Parsed parseDecimal(FieldDefinition field, String text) {
    String normalized = text.replace(',', '.');
    if (!normalized.matches("-?\\d{1,12}(\\.\\d+)?")) {
      return Parsed.error("value.not-number");
    }
    BigDecimal value = new BigDecimal(normalized);
    if (value.scale() > MAX_DECIMALS) {
      return Parsed.error("value.too-many-decimals", MAX_DECIMALS);
    }
    Parsed refused = outsideLimits(field, value);
    return refused != null ? refused : Parsed.ok(value);
  }

  private static Parsed outsideLimits(FieldDefinition field, BigDecimal value) {
    BigDecimal min = blank(field.min()) ? null : FormRules.number(field.min());
    BigDecimal max = blank(field.max()) ? null : FormRules.number(field.max());
    if (min != null && value.compareTo(min) < 0 || max != null && value.compareTo(max) > 0) {
      return Parsed.error(
          "form.value.out-of-limits", limitText(field.min()), limitText(field.max()));
    }
    return null;
  }

  private static Parsed parseDate(FieldDefinition field, String text) {
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException notIso) {
      try {
        date = LocalDate.parse(text.replace('.', '/').replace('-', '/'), DAY_FIRST);
      } catch (DateTimeParseException notDayFirst) {
        return Parsed.error("value.not-date");
      }
    }
    LocalDate min = blank(field.min()) ? null : FormRules.date(field.min());
    LocalDate max = blank(field.max()) ? null : FormRules.date(field.max());
    if (min != null && date.isBefore(min) || max != null && date.isAfter(max)) {
      return Parsed.error(
          "form.value.out-of-limits", limitText(field.min()), limitText(field.max()));
    }
    return Parsed.ok(date);
  }

  private static Parsed parseTime(String text) {
    if (!text.matches("\\d{1,2}:\\d{2}")) {
      return Parsed.error("form.value.not-time");
    }
    try {
      return Parsed.ok(LocalTime.parse(text.length() == 4 ? "0" + text : text));
    } catch (DateTimeParseException notATime) {
      return Parsed.error("form.value.not-time");
    }
  }

  private static Parsed parseText(FieldDefinition field, String text) {
    if (text.length() > field.effectiveMaxLength()) {
      return Parsed.error("value.too-long", field.effectiveMaxLength());
    }
    if ("email".equals(field.validation()) && !EMAIL.matcher(text).matches()) {
      return Parsed.error("form.value.not-email");
    }
    return Parsed.ok(text);
  }

  /** Whether a number or date lies outside the field's usual range (a warning). */
  public static boolean outsideUsualRange(FieldDefinition field, Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof LocalDate date) {
      LocalDate min = blank(field.usualMin()) ? null : FormRules.date(field.usualMin());
      LocalDate max = blank(field.usualMax()) ? null : FormRules.date(field.usualMax());
      return min != null && date.isBefore(min) || max != null && date.isAfter(max);
    }
    BigDecimal number = toNumber(value);
    if (number == null) {
      return false;
    }
    BigDecimal min = blank(field.usualMin()) ? null : FormRules.number(field.usualMin());
    BigDecimal max = blank(field.usualMax()) ? null : FormRules.number(field.usualMax());
    return min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0;
  }

  /** The text form of a typed value: what forms show and files hold (codes joined by commas). */
  public static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Collection<?> codes) {
      return String.join(",", codes.stream().map(String::valueOf).toList());
    }
    return value.toString();
  }

  /** A typed value from what the database's JSON holds, by the field's type. */
  public static Object fromStored(FieldDefinition field, Object stored) {
    if (stored == null || field == null) {
      return stored;
    }
    return switch (field.type()) {
      case INTEGER -> {
        BigDecimal number = toNumber(stored);
        yield number == null ? null : number.intValue();
      }
      case DECIMAL, CALCULATED -> {
        BigDecimal number = toNumber(stored);
        yield number == null ? null : number.stripTrailingZeros();
      }
      case DATE -> LocalDate.parse(stored.toString());
      case TIME -> LocalTime.parse(stored.toString());
      case MULTIPLE_CHOICE ->
          stored instanceof Collection<?> codes
              ? codes.stream().map(String::valueOf).toList()
              : List.of(stored.toString());
      default -> stored.toString();
    };
  }

  /** What the database's JSON holds for a typed value: numbers, text, or a list of codes. */
  public static Object toStored(Object value) {
    if (value instanceof LocalDate || value instanceof LocalTime) {
      return value.toString();
    }
    return value;
  }

  static BigDecimal toNumber(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    if (value instanceof String text) {
      return FormRules.number(text);
    }
    return null;
  }

  public static boolean hasControlCharacters(String text) {
    return text.chars()
        .anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
  }

  private static String limitText(String limit) {
    return blank(limit) ? "–" : limit.strip();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
