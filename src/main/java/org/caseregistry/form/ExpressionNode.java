package org.caseregistry.form;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/** A node of a parsed expression's tree: it evaluates itself over the fields of a case. */
sealed interface ExpressionNode {

  Object eval(ExpressionContext context);

  record Literal(Object value) implements ExpressionNode {
    public Object eval(ExpressionContext context) {
      return value;
    }
  }

  record Field(String name, String item) implements ExpressionNode {
    public Object eval(ExpressionContext context) {
      Object value = context.value(name);
      if (item != null) {
        return value instanceof Collection<?> codes && codes.contains(item) ? "1" : "0";
      }
      if (value instanceof Collection<?> codes) {
        return codes.isEmpty()
            ? null
            : String.join(",", codes.stream().map(String::valueOf).toList());
      }
      if (value instanceof Integer || value instanceof Long) {
        return new BigDecimal(value.toString());
      }
      if (value instanceof String string && string.isEmpty()) {
        return null;
      }
      return value;
    }
  }

  record Negate(ExpressionNode operand) implements ExpressionNode {
    public Object eval(ExpressionContext context) {
      BigDecimal value = ExpressionValues.toNumber(operand.eval(context));
      return value == null ? null : value.negate();
    }
  }

  record Not(ExpressionNode operand) implements ExpressionNode {
    public Object eval(ExpressionContext context) {
      return !ExpressionValues.truthy(operand.eval(context));
    }
  }

  record Logical(boolean and, ExpressionNode left, ExpressionNode right) implements ExpressionNode {
    public Object eval(ExpressionContext context) {
      boolean first = ExpressionValues.truthy(left.eval(context));
      if (and ? !first : first) {
        return first;
      }
      return ExpressionValues.truthy(right.eval(context));
    }
  }

  record Arithmetic(char operator, ExpressionNode left, ExpressionNode right)
      implements ExpressionNode {
    public Object eval(ExpressionContext context) {
      BigDecimal a = ExpressionValues.toNumber(left.eval(context));
      BigDecimal b = ExpressionValues.toNumber(right.eval(context));
      if (a == null || b == null) {
        return null;
      }
      return switch (operator) {
        case '+' -> a.add(b, ExpressionValues.MATH);
        case '-' -> a.subtract(b, ExpressionValues.MATH);
        case '*' -> a.multiply(b, ExpressionValues.MATH);
        case '/' -> b.signum() == 0 ? null : a.divide(b, ExpressionValues.MATH);
        default -> ExpressionValues.power(a, b);
      };
    }
  }

  record Comparison(String operator, ExpressionNode left, ExpressionNode right)
      implements ExpressionNode {
    public Object eval(ExpressionContext context) {
      return ExpressionValues.compare(operator, left.eval(context), right.eval(context));
    }
  }

  record Call(ExpressionFunctions.Function function, List<ExpressionNode> arguments)
      implements ExpressionNode {
    public Object eval(ExpressionContext context) {
      return ExpressionFunctions.call(function, arguments, context);
    }
  }
}
