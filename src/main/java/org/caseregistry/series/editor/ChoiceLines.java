package org.caseregistry.series.editor;

import java.util.ArrayList;
import java.util.List;
import org.caseregistry.form.Choice;

/**
 * The choices of a field as the editor's box shows them: one per line, "code, English label |
 * Vietnamese label", ending in "[retired]" for a code kept only for stored values.
 */
final class ChoiceLines {

  static final String RETIRED_MARK = "[retired]";

  private ChoiceLines() {}

  static String format(List<Choice> choices) {
    StringBuilder lines = new StringBuilder();
    for (Choice choice : choices) {
      lines.append(choice.code()).append(", ").append(choice.labelEn());
      if (!choice.labelVi().equals(choice.labelEn())) {
        lines.append(" | ").append(choice.labelVi());
      }
      if (choice.retired()) {
        lines.append(' ').append(RETIRED_MARK);
      }
      lines.append('\n');
    }
    return lines.toString().strip();
  }

  /** The lines of the choices box; a line that is not "code, label" becomes a code-only choice. */
  static List<Choice> parse(String choices) {
    List<Choice> parsed = new ArrayList<>();
    if (choices == null) {
      return parsed;
    }
    for (String line : choices.split("\\R")) {
      String text = line.strip();
      if (text.isEmpty()) {
        continue;
      }
      boolean retired = text.endsWith(RETIRED_MARK);
      if (retired) {
        text = text.substring(0, text.length() - RETIRED_MARK.length()).strip();
      }
      int comma = text.indexOf(',');
      String code = comma < 0 ? text : text.substring(0, comma).strip();
      String labels = comma < 0 ? "" : text.substring(comma + 1).strip();
      int bar = labels.indexOf('|');
      String en = bar < 0 ? labels : labels.substring(0, bar).strip();
      String vi = bar < 0 ? null : labels.substring(bar + 1).strip();
      parsed.add(new Choice(code, en, vi, retired));
    }
    return parsed;
  }
}
