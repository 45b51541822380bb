package org.caseregistry.redcap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV dialect of REDCap's files: comma separated, fields quoted only when they hold a comma, a
 * quote or a line break (quotes doubled), lines ended by a line feed, UTF-8 with or without a
 * byte-order mark. Quoted fields may span lines, as REDCap's HTML labels often do.
 */
final class RedcapCsv {

  /** One parsed line and the line number (1-based) it starts on. */
  record Line(int number, List<String> cells) {

    String cell(int column) {
      return column < cells.size() ? cells.get(column) : "";
    }

    boolean blank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  private RedcapCsv() {}

  static List<Line> parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Line> lines = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean started = false;
    int lineNumber = 1;
    int startLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            lineNumber++;
          }
          cell.append(c);
        }
        continue;
      }
      if (c == '"' && cell.isEmpty()) {
        quoted = true;
        started = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        started = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        cells.add(cell.toString());
        lines.add(new Line(startLine, List.copyOf(cells)));
        cells.clear();
        cell.setLength(0);
        started = false;
        lineNumber++;
        startLine = lineNumber;
      } else {
        cell.append(c);
        started = true;
      }
    }
    if (started || !cell.isEmpty()) {
      cells.add(cell.toString());
      lines.add(new Line(startLine, List.copyOf(cells)));
    }
    return lines;
  }

  static void appendLine(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(cells.get(i)));
    }
    out.append('\n');
  }

  static String quote(String value) {
    String text = value == null ? "" : value;
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
