package org.caseregistry.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.caseregistry.catalog.Variable;
import org.caseregistry.platform.TextHygiene;

/**
 * Turns what a person typed (or a spreadsheet cell held) into a typed value, or says what is wrong
 * with it; and turns a stored value back into text. Accepts a decimal comma and day-first dates, as
 * Vietnamese users write them.
 */
public final class ValueParser {

  private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("d/M/uuuu");

  private ValueParser() {}

  /** A parsed value, or the message key of the problem with its arguments. */
  public record Parsed(Object value, String errorKey, Object[] errorArgs) {
    static Parsed ok(Object value) {
      return new Parsed(value, null, null);
    }

    static Parsed error(String key, Object... args) {
      return new Parsed(null, key, args);
    }

    public boolean isError() {
      return errorKey != null;
    }
  }

  public static Parsed parse(Variable variable, String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      return Parsed.ok(null);
    }
    if (hasControlCharacters(text)) {
      return Parsed.error("value.control-characters");
    }
    return switch (variable.type()) {
      case CODE ->
          variable.option(text).isPresent()
              ? Parsed.ok(text)
              : Parsed.error("value.unknown-code", text);
      case INTEGER -> parseInteger(variable, text);
      case DECIMAL -> parseDecimal(variable, text);
      case DATE -> parseDate(text);
      case TEXT ->
          text.length() > variable.maxLength()
              ? Parsed.error("value.too-long", variable.maxLength())
              : Parsed.ok(text);
    };
  }

  private static Parsed parseInteger(Variable variable, String text) {
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException notAWholeNumber) {
      return Parsed.error("value.not-integer");
    }
    return inRange(variable, BigDecimal.valueOf(value)).orElse(Parsed.ok(value));
  }

  private static Parsed parseDecimal(Variable variable, String text) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.replace(',', '.'));
    } catch (NumberFormatException notANumber) {
      return Parsed.error("value.not-number");
    }
    if (value.scale() > 2) {
      return Parsed.error("value.too-many-decimals", 2);
    }
    return inRange(variable, value).orElse(Parsed.ok(value));
  }

  private static Optional<Parsed> inRange(Variable variable, BigDecimal value) {
    if (variable.min() != null && value.compareTo(variable.min()) < 0
        || variable.max() != null && value.compareTo(variable.max()) > 0) {
      return Optional.of(
          Parsed.error(
              "value.out-of-range",
              variable.min().stripTrailingZeros().toPlainString(),
              variable.max().stripTrailingZeros().toPlainString()));
    }
    return Optional.empty();
  }

  private static Parsed parseDate(String text) {
    try {
      return Parsed.ok(LocalDate.parse(text));
    } catch (DateTimeParseException notIso) {
      try {
        return Parsed.ok(LocalDate.parse(text.replace('.', '/').replace('-', '/'), DAY_FIRST));
      } catch (DateTimeParseException notDayFirst) {
        return Parsed.error("value.not-date");
      }
    }
  }

  /** Control characters other than tab and line breaks: the rule of {@link TextHygiene}. */
  public static boolean hasControlCharacters(String text) {
    return TextHygiene.hasControlCharacters(text);
  }

  /** The text form of a stored value: what forms show and exports write. */
  public static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  /** Whether a number lies outside the variable's usual range (a warning, not an error). */
  public static boolean outsideUsualRange(Variable variable, Object value) {
    if (!(value instanceof Number number) || variable.usualMin() == null) {
      return false;
    }
    BigDecimal decimal = new BigDecimal(number.toString());
    return decimal.compareTo(variable.usualMin()) < 0 || decimal.compareTo(variable.usualMax()) > 0;
  }
}
