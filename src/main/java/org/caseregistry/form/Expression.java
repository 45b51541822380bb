package org.caseregistry.form;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A branching condition or a calculation over the fields of a case, in a REDCap-compatible subset:
 * {@code [field]}, {@code [field(code)]} (a check-box item: "1" when ticked, else "0"), numbers,
 * strings in single or double quotes, {@code + - * / ^}, {@code = <> != < <= > >=}, {@code and or
 * not}, parentheses, and the functions of {@link ExpressionFunctions}. {@link ExpressionParser}
 * makes it a small tree of {@link ExpressionNode}s that evaluates itself with the meanings of
 * {@link ExpressionValues}: nothing reaches Java objects, scripts or the database.
 *
 * <p>Blank fields are the empty string in comparisons ({@code [x] = ''} holds while x is blank) and
 * make arithmetic blank, so that a calculation of a partly entered case stays empty rather than
 * wrong. Ordering comparisons with a blank side are false.
 */
public final class Expression {

  /** The longest expression taken, and the deepest nesting, so that no input exhausts a stack. */
  public static final int MAX_LENGTH = 2000;

  static final int MAX_DEPTH = 40;

  private final String text;
  private final ExpressionNode root;
  private final Map<String, Set<String>> references;

  private Expression(String text, ExpressionNode root, Map<String, Set<String>> references) {
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
    ExpressionParser parser = new ExpressionParser(text);
    ExpressionNode root = parser.parseAll();
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
    return ExpressionValues.truthy(evaluate(context));
  }

  /** The value as a number, or null when blank or not a number. */
  public BigDecimal number(ExpressionContext context) {
    return ExpressionValues.toNumber(evaluate(context));
  }

  @Override
  public String toString() {
    return text;
  }
}
