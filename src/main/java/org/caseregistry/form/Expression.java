package org.caseregistry.form;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A branching condition or a calculation over the fields of a case, in a REDCap-compatible subset:
 * {@code [field]}, {@code [field(code)]} (a check-box item: "1" when ticked, else "0"), numbers,
 * strings in single or double quotes, {@code + - * / ^}, {@code = <> != < <= > >=}, {@code and or
 * not}, parentheses, and the functions {@link Function}. It is parsed into a small tree and
 * evaluated by this class alone: nothing reaches Java objects, scripts or the database.
 *
 * <p>Blank fields are the empty string in comparisons ({@code [x] = ''} holds while x is blank) and
 * make arithmetic blank, so that a calculation of a partly entered case stays empty rather than
 * wrong. Ordering comparisons with a blank side are false.
 */
public final class Expression {

  /** The longest expression taken, and the deepest nesting, so that no input exhausts a stack. */
  public static final int MAX_LENGTH = 2000;

  static final int MAX_DEPTH = 40;

  private static final MathContext MATH = MathContext.DECIMAL64;

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

  private final String text;
  private final Node root;
  private final Map<String, Set<String>> references;

  private Expression(String text, Node root, Map<String, Set<String>> references) {
    this.text = text;
    this.root = root;
    this.references = references;
  }

  public static Expression parse(String text) throws ExpressionException {
    if (text == null || text.isBlank()) {
      throw new ExpressionException("The expression is empty.", 0);
    }
    if (text.length() > MAX_LENGTH) {
      throw new ExpressionException(
          "The expression is longer than " + MAX_LENGTH + " characters.", MAX_LENGTH);
    }
    Parser parser = new Parser(text);
    Node root = parser.parseAll();
    return new Expression(text.strip(), root, parser.references);
  }

  public String text() {
    return text;
  }

  /** The names of the fields the expression reads, in the order they first appear. */
  public Set<String> variables() {
    return references.keySet();
  }

  /** The check-box codes read per field, e.g. {@code [ecmo_compl(2)]} gives ecmo_compl → {2}. */
  public Map<String, Set<String>> checkboxCodes() {
    Map<String, Set<String>> codes = new LinkedHashMap<>();
    references.forEach(
        (name, items) -> {
          if (!items.isEmpty()) {
            codes.put(name, items);
          }
        });
    return codes;
  }

  /** The value: BigDecimal, String, Boolean, or null when blank. */
  public Object evaluate(ExpressionContext context) {
    return root.eval(context);
  }

  /** A condition's verdict: true only when it evaluates to true (blank is false). */
  public boolean test(ExpressionContext context) {
    return truthy(evaluate(context));
  }

  /** The value as a number, or null when blank or not a number. */
  public BigDecimal number(ExpressionContext context) {
    return toNumber(evaluate(context));
  }

  @Override
  public String toString() {
    return text;
  }

  // ---------------------------------------------------------------- tree

  private interface Node {
    Object eval(ExpressionContext context);
  }

  private record Literal(Object value) implements Node {
    public Object eval(ExpressionContext context) {
      return value;
    }
  }

  private record Field(String name, String item) implements Node {
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

  private record Negate(Node operand) implements Node {
    public Object eval(ExpressionContext context) {
      BigDecimal value = toNumber(operand.eval(context));
      return value == null ? null : value.negate();
    }
  }

  private record Not(Node operand) implements Node {
    public Object eval(ExpressionContext context) {
      return !truthy(operand.eval(context));
    }
  }

  private record Logical(boolean and, Node left, Node right) implements Node {
    public Object eval(ExpressionContext context) {
      boolean first = truthy(left.eval(context));
      if (and ? !first : first) {
        return first;
      }
      return truthy(right.eval(context));
    }
  }

  private record Arithmetic(char operator, Node left, Node right) implements Node {
    public Object eval(ExpressionContext context) {
      BigDecimal a = toNumber(left.eval(context));
      BigDecimal b = toNumber(right.eval(context));
      if (a == null || b == null) {
        return null;
      }
      return switch (operator) {
        case '+' -> a.add(b, MATH);
        case '-' -> a.subtract(b, MATH);
        case '*' -> a.multiply(b, MATH);
        case '/' -> b.signum() == 0 ? null : a.divide(b, MATH);
        default -> power(a, b);
      };
    }
  }

  private record Comparison(String operator, Node left, Node right) implements Node {
    public Object eval(ExpressionContext context) {
      return compare(operator, left.eval(context), right.eval(context));
    }
  }

  private record Call(Function function, List<Node> arguments) implements Node {
    public Object eval(ExpressionContext context) {
      return call(function, arguments, context);
    }
  }

  // ---------------------------------------------------------------- semantics

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

  private static String asText(Object value) {
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

  private static boolean compare(String operator, Object left, Object right) {
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

  private static BigDecimal power(BigDecimal base, BigDecimal exponent) {
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

  private static Object call(Function function, List<Node> arguments, ExpressionContext context) {
    if (function == Function.IF) {
      return truthy(arguments.get(0).eval(context))
          ? arguments.get(1).eval(context)
          : arguments.get(2).eval(context);
    }
    List<Object> values = new ArrayList<>();
    for (Node argument : arguments) {
      values.add(argument.eval(context));
    }
    return switch (function) {
      case ROUND, ROUNDUP, ROUNDDOWN -> round(function, values);
      case ABS -> {
        BigDecimal value = toNumber(values.get(0));
        yield value == null ? null : value.abs();
      }
      case SQRT -> {
        BigDecimal value = toNumber(values.get(0));
        yield value == null || value.signum() < 0 ? null : value.sqrt(MATH);
      }
      case MIN, MAX, SUM, MEAN -> aggregate(function, values);
      case DATEDIFF -> dateDiff(values);
      default -> null;
    };
  }

  private static BigDecimal round(Function function, List<Object> values) {
    BigDecimal value = toNumber(values.get(0));
    BigDecimal places = values.size() > 1 ? toNumber(values.get(1)) : BigDecimal.ZERO;
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
      BigDecimal number = toNumber(value);
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
              .divide(BigDecimal.valueOf(numbers.size()), MATH);
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
        switch (asText(values.get(2))) {
          case "y" -> BigDecimal.valueOf(31_556_952L);
          case "M" -> new BigDecimal("2630016");
          case "d" -> BigDecimal.valueOf(86_400L);
          case "h" -> BigDecimal.valueOf(3_600L);
          case "m" -> BigDecimal.valueOf(60L);
          default -> BigDecimal.ONE;
        };
    BigDecimal result = seconds.divide(divisor, MATH);
    boolean signed = values.size() > 3 && truthy(values.get(3));
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

  // ---------------------------------------------------------------- parsing

  /** A recursive-descent parser with a depth limit; every error names its position. */
  private static final class Parser {
    private final String text;
    private final Map<String, Set<String>> references = new LinkedHashMap<>();
    private int position;
    private int depth;

    Parser(String text) {
      this.text = text;
    }

    Node parseAll() throws ExpressionException {
      Node node = or();
      skipSpace();
      if (position < text.length()) {
        throw error("Unexpected \"" + text.charAt(position) + "\".");
      }
      return node;
    }

    private Node or() throws ExpressionException {
      enter();
      Node node = and();
      while (keyword("or") || symbol("||")) {
        node = new Logical(false, node, and());
      }
      depth--;
      return node;
    }

    private Node and() throws ExpressionException {
      Node node = not();
      while (keyword("and") || symbol("&&")) {
        node = new Logical(true, node, not());
      }
      return node;
    }

    private Node not() throws ExpressionException {
      if (keyword("not")) {
        enter();
        Node operand = not();
        depth--;
        return new Not(operand);
      }
      return comparison();
    }

    private Node comparison() throws ExpressionException {
      Node left = additive();
      for (String operator : List.of("<>", "!=", "<=", ">=", "==", "=", "<", ">")) {
        if (symbol(operator)) {
          String normalized =
              switch (operator) {
                case "!=" -> "<>";
                case "==" -> "=";
                default -> operator;
              };
          return new Comparison(normalized, left, additive());
        }
      }
      return left;
    }

    private Node additive() throws ExpressionException {
      Node node = term();
      while (true) {
        if (symbol("+")) {
          node = new Arithmetic('+', node, term());
        } else if (symbol("-")) {
          node = new Arithmetic('-', node, term());
        } else {
          return node;
        }
      }
    }

    private Node term() throws ExpressionException {
      Node node = power();
      while (true) {
        if (symbol("*")) {
          node = new Arithmetic('*', node, power());
        } else if (symbol("/")) {
          node = new Arithmetic('/', node, power());
        } else {
          return node;
        }
      }
    }

    private Node power() throws ExpressionException {
      Node base = unary();
      if (symbol("^")) {
        enter();
        Node exponent = power();
        depth--;
        return new Arithmetic('^', base, exponent);
      }
      return base;
    }

    private Node unary() throws ExpressionException {
      if (symbol("-")) {
        enter();
        Node operand = unary();
        depth--;
        return new Negate(operand);
      }
      if (symbol("+")) {
        return unary();
      }
      return primary();
    }

    private Node primary() throws ExpressionException {
      skipSpace();
      if (position >= text.length()) {
        throw error("The expression ends too early.");
      }
      char c = text.charAt(position);
      if (c == '(') {
        position++;
        Node inner = or();
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

    private Node field() throws ExpressionException {
      int start = position;
      int end = text.indexOf(']', position);
      if (end < 0) {
        throw error("A field reference is not closed with ].");
      }
      String inside = text.substring(position + 1, end).strip();
      position = end + 1;
      skipSpace();
      if (position < text.length() && text.charAt(position) == '[') {
        throw new ExpressionException(
            "Event and instance references such as [event][field] are not supported.", start);
      }
      String name = inside;
      String item = null;
      int open = inside.indexOf('(');
      if (open >= 0) {
        if (!inside.endsWith(")")) {
          throw new ExpressionException("A check-box reference is written [field(code)].", start);
        }
        name = inside.substring(0, open).strip();
        item = inside.substring(open + 1, inside.length() - 1).strip();
        if (item.isEmpty() || !item.matches("[A-Za-z0-9_.-]+")) {
          throw new ExpressionException("A check-box reference is written [field(code)].", start);
        }
      }
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw new ExpressionException(
            "\"" + name + "\" is not a field name (lower-case letters, digits, _).", start);
      }
      Set<String> items = references.computeIfAbsent(name, key -> new LinkedHashSet<>());
      if (item != null) {
        items.add(item);
      }
      return new Field(name, item);
    }

    private Node string(char quote) throws ExpressionException {
      int end = text.indexOf(quote, position + 1);
      if (end < 0) {
        throw error("A text is not closed with " + quote + ".");
      }
      String value = text.substring(position + 1, end);
      position = end + 1;
      return new Literal(value);
    }

    private Node number() throws ExpressionException {
      int start = position;
      while (position < text.length()
          && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
        position++;
      }
      String digits = text.substring(start, position);
      if (!digits.matches("\\d+(\\.\\d+)?|\\.\\d+") || digits.length() > 30) {
        throw new ExpressionException("\"" + digits + "\" is not a number.", start);
      }
      return new Literal(new BigDecimal(digits.startsWith(".") ? "0" + digits : digits));
    }

    private Node call() throws ExpressionException {
      int start = position;
      while (position < text.length()
          && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
        position++;
      }
      String name = text.substring(start, position);
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("true")) {
        return new Literal(Boolean.TRUE);
      }
      if (lower.equals("false")) {
        return new Literal(Boolean.FALSE);
      }
      skipSpace();
      if (position >= text.length() || text.charAt(position) != '(') {
        throw new ExpressionException(
            "\"" + name + "\" is not understood; write field names in brackets: [" + name + "].",
            start);
      }
      Function function = Function.named(name);
      if (function == null) {
        throw new ExpressionException("The function " + name + "() is not supported.", start);
      }
      position++;
      enter();
      List<Node> arguments = new ArrayList<>();
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
      checkArity(function, arguments.size(), start);
      return new Call(function, arguments);
    }

    private void checkArity(Function function, int count, int start) throws ExpressionException {
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

    private void enter() throws ExpressionException {
      if (++depth > MAX_DEPTH) {
        throw error("The expression is nested too deeply.");
      }
    }

    private void expect(String token) throws ExpressionException {
      if (!symbol(token)) {
        throw error("\"" + token + "\" expected.");
      }
    }

    private boolean symbol(String token) {
      skipSpace();
      if (text.startsWith(token, position)) {
        position += token.length();
        return true;
      }
      return false;
    }

    private boolean keyword(String word) {
      skipSpace();
      int end = position + word.length();
      if (end <= text.length()
          && text.regionMatches(true, position, word, 0, word.length())
          && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
        position = end;
        return true;
      }
      return false;
    }

    private void skipSpace() {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
    }

    private ExpressionException error(String message) {
      return new ExpressionException(message, position);
    }
  }
}
