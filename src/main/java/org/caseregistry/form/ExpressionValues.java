package org.caseregistry.form;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What values mean in an expression: when a value counts as true, as a number, as text, and how two
 * values compare. Blank (null or the empty string) makes arithmetic blank and ordering comparisons
 * false.
 */
final class ExpressionValues {

  static final MathContext MATH = MathContext.DECIMAL64;

  private ExpressionValues() {}

  static boolean truthy(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof BigDecimal number) {
      return number.signum() != 0;
    }
    if (value instanceof String string) {
      BigDecimal number = toNumber(string);
      return number != null ? number.signum() != 0 : !string.isEmpty();
    }
    return value != null;
  }

  static BigDecimal toNumber(Object value) {
    if (value instanceof BigDecimal number) {
      return number;
    }
    if (value instanceof Boolean bool) {
      return bool ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (value instanceof String string) {
      String trimmed = string.strip();
      if (trimmed.isEmpty() || trimmed.length() > 40 || !trimmed.matches("-?\\d+(\\.\\d+)?")) {
        return null;
      }
      return new BigDecimal(trimmed);
    }
    return null;
  }

  static String asText(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Boolean bool) {
      return bool ? "1" : "0";
    }
    return value.toString();
  }

  static boolean compare(String operator, Object left, Object right) {
    boolean equality = operator.equals("=") || operator.equals("<>");
    BigDecimal a = toNumber(left);
    BigDecimal b = toNumber(right);
    int order;
    if (a != null && b != null) {
      order = a.compareTo(b);
    } else if (equality) {
      order = asText(left).compareTo(asText(right));
    } else if (left == null || right == null || asText(left).isEmpty() || asText(right).isEmpty()) {
      return false;
    } else {
      order = asText(left).compareTo(asText(right));
    }
    return switch (operator) {
      case "=" -> order == 0;
      case "<>" -> order != 0;
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  static BigDecimal power(BigDecimal base, BigDecimal exponent) {
    if (exponent.stripTrailingZeros().scale() <= 0
        && exponent.abs().compareTo(BigDecimal.valueOf(999)) <= 0) {
      int n = exponent.intValue();
      if (n < 0) {
        return base.signum() == 0 ? null : BigDecimal.ONE.divide(base.pow(-n, MATH), MATH);
      }
      return base.pow(n, MATH);
    }
    double result = Math.pow(base.doubleValue(), exponent.doubleValue());
    return Double.isFinite(result) ? new BigDecimal(result, MATH) : null;
  }
}
