package org.caseregistry.redcap;

import static org.caseregistry.redcap.DictionaryColumns.ANNOTATION;
import static org.caseregistry.redcap.DictionaryProblem.problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.redcap.DictionaryProblem.Severity;
import org.caseregistry.redcap.RedcapCsv.Line;

/**
 * The Field Annotation column of a dictionary's rows: the registry's own entries ({@link
 * RegistryAnnotation}) applied to the field or kept for its section, REDCap's action tags and any
 * other text reported as not kept.
 */
final class DictionaryAnnotations {

  private static final Pattern ACTION_TAG = Pattern.compile("@[A-Z][A-Z0-9_-]*");

  private final List<DictionaryProblem> problems;
  private final Map<String, Map<String, String>> sectionEntries;

  /**
   * Reports into {@code problems}; the section entries of each form go to {@code sectionEntries}.
   */
  DictionaryAnnotations(
      List<DictionaryProblem> problems, Map<String, Map<String, String>> sectionEntries) {
    this.problems = problems;
    this.sectionEntries = sectionEntries;
  }

  /** The registry's own entries of the annotation applied; anything else reported. */
  FieldDefinition apply(Line line, String form, FieldDefinition field) {
    String text = line.cell(ANNOTATION);
    if (text.isBlank()) {
      return field;
    }
    int row = line.number();
    RegistryAnnotation.Parsed parsed = RegistryAnnotation.parse(text);
    for (String key : parsed.unknownKeys()) {
      problems.add(problem(row, field.name(), Severity.CHANGED, "annotation_unknown", key));
    }
    if (!parsed.otherText().isBlank()) {
      List<String> tags = new ArrayList<>();
      Matcher matcher = ACTION_TAG.matcher(parsed.otherText());
      while (matcher.find()) {
        tags.add(matcher.group());
      }
      if (tags.isEmpty()) {
        problems.add(problem(row, field.name(), Severity.CHANGED, "annotation_not_kept"));
      } else {
        problems.add(
            problem(
                row,
                field.name(),
                Severity.CHANGED,
                "action_tags",
                String.join(" ", new LinkedHashSet<>(tags))));
      }
    }
    Map<String, String> entries = parsed.entries();
    Map<String, String> section = sectionEntries.computeIfAbsent(form, key -> new HashMap<>());
    for (String key :
        List.of(
            RegistryAnnotation.SECTION_LABEL,
            RegistryAnnotation.SECTION_LABEL_VI,
            RegistryAnnotation.SECTION_REPEATING,
            RegistryAnnotation.SECTION_RETIRED)) {
      if (entries.containsKey(key)) {
        section.put(key, entries.get(key));
      }
    }
    return FieldEntries.apply(
        field,
        entries,
        message ->
            problems.add(
                problem(row, field.name(), Severity.CHANGED, "annotation_invalid", message)));
  }
}
