package org.caseregistry.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The functions an expression may call: their arity and what they compute. */
final class ExpressionFunctions {

  /** The functions an expression may call, by their REDCap names. */
  enum Function {
    ROUND,
    ROUNDUP,
    ROUNDDOWN,
    ABS,
    MIN,
    MAX,
    SQRT,
    SUM,
    MEAN,
    IF,
    DATEDIFF;

    static Function named(String name) {
      for (Function function : values()) {
        if (function.name().equalsIgnoreCase(name)) {
          return function;
        }
      }
      return null;
    }
  }

  private ExpressionFunctions() {}

  static void checkArity(Function function, int count, int start) throws ExpressionException {
    boolean ok =
        switch (function) {
          case ROUND, ROUNDUP, ROUNDDOWN -> count == 1 || count == 2;
          case ABS, SQRT -> count == 1;
          case IF -> count == 3;
          case DATEDIFF -> count == 3 || count == 4 || count == 5;
          default -> count >= 1;
        };
    if (!ok) {
      throw new ExpressionException(
          function.name().toLowerCase(Locale.ROOT) + "() takes a different number of values.",
          start);
    }
  }

  static Object call(Function function, List<ExpressionNode> arguments, ExpressionContext context) {
    if (function == Function.IF) {
      return ExpressionValues.truthy(arguments.get(0).eval(context))
          ? arguments.get(1).eval(context)
          : arguments.get(2).eval(context);
    }
    List<Object> values = new ArrayList<>();
    for (ExpressionNode argument : arguments) {
      values.add(argument.eval(context));
    }
    return switch (function) {
      case ROUND, ROUNDUP, ROUNDDOWN -> round(function, values);
      case ABS -> {
        BigDecimal value = ExpressionValues.toNumber(values.get(0));
        yield value == null ? null : value.abs();
      }
      case SQRT -> {
        BigDecimal value = ExpressionValues.toNumber(values.get(0));
        yield value == null || value.signum() < 0 ? null : value.sqrt(ExpressionValues.MATH);
      }
      case MIN, MAX, SUM, MEAN -> aggregate(function, values);
      case DATEDIFF -> dateDiff(values);
      default -> null;
    };
  }

  private static BigDecimal round(Function function, List<Object> values) {
    BigDecimal value = ExpressionValues.toNumber(values.get(0));
    BigDecimal places =
        values.size() > 1 ? ExpressionValues.toNumber(values.get(1)) : BigDecimal.ZERO;
    if (value == null || places == null) {
      return null;
    }
    RoundingMode mode =
        switch (function) {
          case ROUNDUP -> RoundingMode.UP;
          case ROUNDDOWN -> RoundingMode.DOWN;
          default -> RoundingMode.HALF_UP;
        };
    int scale = Math.max(0, Math.min(12, places.intValue()));
    return value.setScale(scale, mode);
  }

  /** Blank arguments are left out; all blank gives blank (as REDCap's min, max, sum, mean). */
  private static BigDecimal aggregate(Function function, List<Object> values) {
    List<BigDecimal> numbers = new ArrayList<>();
    for (Object value : values) {
      BigDecimal number = ExpressionValues.toNumber(value);
      if (number != null) {
        numbers.add(number);
      }
    }
    if (numbers.isEmpty()) {
      return null;
    }
    return switch (function) {
      case MIN -> numbers.stream().min(BigDecimal::compareTo).orElseThrow();
      case MAX -> numbers.stream().max(BigDecimal::compareTo).orElseThrow();
      case SUM -> numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      default ->
          numbers.stream()
              .reduce(BigDecimal.ZERO, BigDecimal::add)
              .divide(BigDecimal.valueOf(numbers.size()), ExpressionValues.MATH);
    };
  }

  /**
   * REDCap's datediff(date1, date2, units[, signed]): date2 − date1 in "y" (365.2425 days), "M"
   * (30.44 days), "d", "h", "m" (minutes) or "s"; absolute unless the fourth argument is true.
   */
  private static BigDecimal dateDiff(List<Object> values) {
    LocalDateTime first = toDateTime(values.get(0));
    LocalDateTime second = toDateTime(values.get(1));
    if (first == null || second == null) {
      return null;
    }
    BigDecimal seconds = BigDecimal.valueOf(Duration.between(first, second).toSeconds());
    BigDecimal divisor =
        switch (ExpressionValues.asText(values.get(2))) {
          case "y" -> BigDecimal.valueOf(31_556_952L);
          case "M" -> new BigDecimal("2630016");
          case "d" -> BigDecimal.valueOf(86_400L);
          case "h" -> BigDecimal.valueOf(3_600L);
          case "m" -> BigDecimal.valueOf(60L);
          default -> BigDecimal.ONE;
        };
    BigDecimal result = seconds.divide(divisor, ExpressionValues.MATH);
    boolean signed = values.size() > 3 && ExpressionValues.truthy(values.get(3));
    return signed ? result : result.abs();
  }

  private static LocalDateTime toDateTime(Object value) {
    if (value instanceof LocalDate date) {
      return date.atStartOfDay();
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime;
    }
    if (value instanceof LocalTime time) {
      return LocalDate.EPOCH.atTime(time);
    }
    if (value instanceof String string && !string.isBlank()) {
      try {
        return LocalDate.parse(string.strip()).atStartOfDay();
      } catch (DateTimeParseException notADate) {
        try {
          return LocalDate.EPOCH.atTime(LocalTime.parse(string.strip()));
        } catch (DateTimeParseException notATime) {
          return null;
        }
      }
    }
    return null;
  }
}
