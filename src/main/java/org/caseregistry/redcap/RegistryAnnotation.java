package org.caseregistry.redcap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a registry form holds that REDCap's columns cannot say (Vietnamese labels, unit, usual
 * range, missing reasons, retired fields and codes, repeating sections), written into the Field
 * Annotation as lines {@code registry:key=value}, so that a downloaded dictionary uploads into the
 * same form. REDCap shows such lines as a plain note and ignores them.
 */
final class RegistryAnnotation {

  static final String PREFIX = "registry:";

  static final String LABEL_VI = "label_vi";
  static final String HINT_VI = "hint_vi";
  static final String UNIT = "unit";
  static final String USUAL_MIN = "usual_min";
  static final String USUAL_MAX = "usual_max";
  static final String MAX_LENGTH = "max_length";
  static final String MISSING = "missing";
  static final String RETIRED = "retired";
  static final String CHOICES_VI = "choices_vi";
  static final String RETIRED_CHOICES = "retired_choices";
  static final String SECTION_LABEL = "section_label";
  static final String SECTION_LABEL_VI = "section_label_vi";
  static final String SECTION_REPEATING = "section_repeating";
  static final String SECTION_RETIRED = "section_retired";
  static final String HEADER_NAME = "header_name";
  static final String HEADER_LABEL_VI = "header_label_vi";

  static final List<String> KEYS =
      List.of(
          SECTION_LABEL,
          SECTION_LABEL_VI,
          SECTION_REPEATING,
          SECTION_RETIRED,
          HEADER_NAME,
          HEADER_LABEL_VI,
          LABEL_VI,
          HINT_VI,
          UNIT,
          USUAL_MIN,
          USUAL_MAX,
          MAX_LENGTH,
          MISSING,
          CHOICES_VI,
          RETIRED_CHOICES,
          RETIRED);

  /** An annotation split into the registry's entries and whatever else it says. */
  record Parsed(Map<String, String> entries, List<String> unknownKeys, String otherText) {}

  private RegistryAnnotation() {}

  static Parsed parse(String annotation) {
    Map<String, String> entries = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    StringBuilder other = new StringBuilder();
    for (String line : annotation.split("\\R", -1)) {
      if (line.startsWith(PREFIX)) {
        String entry = line.substring(PREFIX.length());
        int equals = entry.indexOf('=');
        String key = equals < 0 ? entry : entry.substring(0, equals);
        String value = equals < 0 ? "" : unescape(entry.substring(equals + 1));
        if (KEYS.contains(key)) {
          entries.put(key, value);
        } else {
          unknown.add(key);
        }
      } else if (!line.isBlank()) {
        if (!other.isEmpty()) {
          other.append('\n');
        }
        other.append(line);
      }
    }
    return new Parsed(entries, unknown, other.toString());
  }

  /** The annotation for these entries, in the order of {@link #KEYS}; blank values left out. */
  static String write(Map<String, String> entries) {
    StringBuilder out = new StringBuilder();
    for (String key : KEYS) {
      String value = entries.get(key);
      if (value == null) {
        continue;
      }
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(PREFIX).append(key);
      if (!value.isEmpty()) {
        out.append('=').append(escape(value));
      }
    }
    return out.toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\r", "").replace("\n", "\\n");
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
