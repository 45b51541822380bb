package org.caseregistry.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser of expressions with a depth limit, over the tokens its scanner reads;
 * every error names its position.
 */
final class ExpressionParser extends ExpressionScanner {

  private int depth;

  ExpressionParser(String text) {
    super(text);
  }

  ExpressionNode parseAll() throws ExpressionException {
    ExpressionNode node = or();
    skipSpace();
    if (position < text.length()) {
      throw error("Unexpected \"" + text.charAt(position) + "\".");
    }
    return node;
  }

  private ExpressionNode or() throws ExpressionException {
    enter();
    ExpressionNode node = and();
    while (keyword("or") || symbol("||")) {
      node = new ExpressionNode.Logical(false, node, and());
    }
    depth--;
    return node;
  }

  private ExpressionNode and() throws ExpressionException {
    ExpressionNode node = not();
    while (keyword("and") || symbol("&&")) {
      node = new ExpressionNode.Logical(true, node, not());
    }
    return node;
  }

  private ExpressionNode not() throws ExpressionException {
    if (keyword("not")) {
      enter();
      ExpressionNode operand = not();
      depth--;
      return new ExpressionNode.Not(operand);
    }
    return comparison();
  }

  private ExpressionNode comparison() throws ExpressionException {
    ExpressionNode left = additive();
    for (String operator : List.of("<>", "!=", "<=", ">=", "==", "=", "<", ">")) {
      if (symbol(operator)) {
        String normalized =
            switch (operator) {
              case "!=" -> "<>";
              case "==" -> "=";
              default -> operator;
            };
        return new ExpressionNode.Comparison(normalized, left, additive());
      }
    }
    return left;
  }

  private ExpressionNode additive() throws ExpressionException {
    ExpressionNode node = term();
    while (true) {
      if (symbol("+")) {
        node = new ExpressionNode.Arithmetic('+', node, term());
      } else if (symbol("-")) {
        node = new ExpressionNode.Arithmetic('-', node, term());
      } else {
        return node;
      }
    }
  }

  private ExpressionNode term() throws ExpressionException {
    ExpressionNode node = power();
    while (true) {
      if (symbol("*")) {
        node = new ExpressionNode.Arithmetic('*', node, power());
      } else if (symbol("/")) {
        node = new ExpressionNode.Arithmetic('/', node, power());
      } else {
        return node;
      }
    }
  }

  private ExpressionNode power() throws ExpressionException {
    ExpressionNode base = unary();
    if (symbol("^")) {
      enter();
      ExpressionNode exponent = power();
      depth--;
      return new ExpressionNode.Arithmetic('^', base, exponent);
    }
    return base;
  }

  private ExpressionNode unary() throws ExpressionException {
    if (symbol("-")) {
      enter();
      ExpressionNode operand = unary();
      depth--;
      return new ExpressionNode.Negate(operand);
    }
    if (symbol("+")) {
      return unary();
    }
    return primary();
  }

  private ExpressionNode primary() throws ExpressionException {
    skipSpace();
    if (position >= text.length()) {
      throw error("The expression ends too early.");
    }
    char c = text.charAt(position);
    if (c == '(') {
      position++;
      ExpressionNode inner = or();
      expect(")");
      return inner;
    }
    if (c == '[') {
      return field();
    }
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (Character.isDigit(c) || c == '.') {
      return number();
    }
    if (Character.isLetter(c)) {
      return call();
    }
    throw error("Unexpected \"" + c + "\".");
  }

  private ExpressionNode call() throws ExpressionException {
    int start = position;
    while (position < text.length()
        && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
      position++;
    }
    String name = text.substring(start, position);
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("true")) {
      return new ExpressionNode.Literal(Boolean.TRUE);
    }
    if (lower.equals("false")) {
      return new ExpressionNode.Literal(Boolean.FALSE);
    }
    skipSpace();
    if (position >= text.length() || text.charAt(position) != '(') {
      throw new ExpressionException(
          "\"" + name + "\" is not understood; write field names in brackets: [" + name + "].",
          start);
    }
    ExpressionFunctions.Function function = ExpressionFunctions.Function.named(name);
    if (function == null) {
      throw new ExpressionException("The function " + name + "() is not supported.", start);
    }
    position++;
    enter();
    List<ExpressionNode> arguments = new ArrayList<>();
    skipSpace();
    if (position < text.length() && text.charAt(position) == ')') {
      position++;
    } else {
      arguments.add(or());
      while (symbol(",")) {
        arguments.add(or());
      }
      expect(")");
    }
    depth--;
    ExpressionFunctions.checkArity(function, arguments.size(), start);
    return new ExpressionNode.Call(function, arguments);
  }

  private void enter() throws ExpressionException {
    if (++depth > Expression.MAX_DEPTH) {
      throw error("The expression is nested too deeply.");
    }
  }
}
