package org.caseregistry.form;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The character-level reading of an expression, under its parser: spaces, symbols and keywords,
 * texts, numbers and field references (the fields read are collected, with the check-box codes read
 * of each).
 */
class ExpressionScanner {

  final String text;

  /** The fields read, each with the check-box codes read of it. */
  final Map<String, Set<String>> references = new LinkedHashMap<>();

  int position;

  ExpressionScanner(String text) {
    this.text = text;
  }

  ExpressionNode field() throws ExpressionException {
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
    return new ExpressionNode.Field(name, item);
  }

  ExpressionNode string(char quote) throws ExpressionException {
    int end = text.indexOf(quote, position + 1);
    if (end < 0) {
      throw error("A text is not closed with " + quote + ".");
    }
    String value = text.substring(position + 1, end);
    position = end + 1;
    return new ExpressionNode.Literal(value);
  }

  ExpressionNode number() throws ExpressionException {
    int start = position;
    while (position < text.length()
        && (Character.isDigit(text.charAt(position)) || text.charAt(position) == '.')) {
      position++;
    }
    String digits = text.substring(start, position);
    if (!digits.matches("\\d+(\\.\\d+)?|\\.\\d+") || digits.length() > 30) {
      throw new ExpressionException("\"" + digits + "\" is not a number.", start);
    }
    return new ExpressionNode.Literal(
        new BigDecimal(digits.startsWith(".") ? "0" + digits : digits));
  }

  void expect(String token) throws ExpressionException {
    if (!symbol(token)) {
      throw error("\"" + token + "\" expected.");
    }
  }

  boolean symbol(String token) {
    skipSpace();
    if (text.startsWith(token, position)) {
      position += token.length();
      return true;
    }
    return false;
  }

  boolean keyword(String word) {
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

  void skipSpace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  ExpressionException error(String message) {
    return new ExpressionException(message, position);
  }
}
