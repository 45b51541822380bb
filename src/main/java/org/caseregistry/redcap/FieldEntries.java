package org.caseregistry.redcap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.caseregistry.form.Choice;
import org.caseregistry.form.FieldDefinition;

/**
 * The {@link RegistryAnnotation} entries of one field: those a field needs written (only where it
 * differs from what its REDCap columns say) and a field with the entries read applied.
 */
final class FieldEntries {

  private static final String UNKNOWN = "unknown";
  private static final String NOT_APPLICABLE = "not_applicable";

  private FieldEntries() {}

  static Map<String, String> of(FieldDefinition field) {
    Map<String, String> entries = new LinkedHashMap<>();
    if (!Objects.equals(field.labelVi(), field.labelEn())) {
      entries.put(RegistryAnnotation.LABEL_VI, field.labelVi());
    }
    if (field.hintVi() != null && !field.hintVi().equals(field.hintEn())) {
      entries.put(RegistryAnnotation.HINT_VI, field.hintVi());
    }
    putIfPresent(entries, RegistryAnnotation.UNIT, field.unit());
    putIfPresent(entries, RegistryAnnotation.USUAL_MIN, field.usualMin());
    putIfPresent(entries, RegistryAnnotation.USUAL_MAX, field.usualMax());
    if (field.maxLength() != null) {
      entries.put(RegistryAnnotation.MAX_LENGTH, field.maxLength().toString());
    }
    List<String> missing = new ArrayList<>();
    if (field.unknownAllowed()) {
      missing.add(UNKNOWN);
    }
    if (field.notApplicableAllowed()) {
      missing.add(NOT_APPLICABLE);
    }
    if (!missing.isEmpty()) {
      entries.put(RegistryAnnotation.MISSING, String.join(",", missing));
    }
    if (field.type().hasChoices() && !DictionaryWriter.TRUE_FALSE.equals(field.validation())) {
      if (field.choices().stream().anyMatch(c -> !c.labelVi().equals(c.labelEn()))) {
        entries.put(
            RegistryAnnotation.CHOICES_VI,
            String.join(
                " | ", field.choices().stream().map(c -> c.code() + ", " + c.labelVi()).toList()));
      }
      List<String> retired =
          field.choices().stream().filter(Choice::retired).map(Choice::code).toList();
      if (!retired.isEmpty()) {
        entries.put(RegistryAnnotation.RETIRED_CHOICES, String.join(" | ", retired));
      }
    }
    if (field.retired()) {
      entries.put(RegistryAnnotation.RETIRED, "");
    }
    return entries;
  }

  /**
   * The field with the entries applied.
   *
   * @param invalid told of an entry whose value does not fit, which is then left out
   */
  static FieldDefinition apply(
      FieldDefinition field, Map<String, String> entries, Consumer<String> invalid) {
    FieldDefinition.Builder builder = field.toBuilder();
    String labelVi = entries.get(RegistryAnnotation.LABEL_VI);
    String hintVi = entries.get(RegistryAnnotation.HINT_VI);
    builder.hint(field.hintEn(), hintVi);
    builder.unit(blankToNull(entries.get(RegistryAnnotation.UNIT)));
    builder.usual(
        blankToNull(entries.get(RegistryAnnotation.USUAL_MIN)),
        blankToNull(entries.get(RegistryAnnotation.USUAL_MAX)));
    String maxLength = entries.get(RegistryAnnotation.MAX_LENGTH);
    if (maxLength != null) {
      try {
        builder.maxLength(Integer.valueOf(maxLength.strip()));
      } catch (NumberFormatException notANumber) {
        invalid.accept(RegistryAnnotation.MAX_LENGTH + "=" + maxLength);
      }
    }
    String missing = entries.getOrDefault(RegistryAnnotation.MISSING, "");
    builder.unknownAllowed(missing.contains(UNKNOWN));
    builder.notApplicableAllowed(missing.contains(NOT_APPLICABLE));
    builder.retired(entries.containsKey(RegistryAnnotation.RETIRED));
    builder.choices(choices(field.choices(), entries, invalid));
    FieldDefinition built = builder.build();
    if (labelVi == null) {
      return built;
    }
    return new FieldDefinition(
        built.name(),
        built.type(),
        built.labelEn(),
        labelVi,
        built.hintEn(),
        built.hintVi(),
        built.unit(),
        built.min(),
        built.max(),
        built.usualMin(),
        built.usualMax(),
        built.maxLength(),
        built.required(),
        built.unknownAllowed(),
        built.notApplicableAllowed(),
        built.identifier(),
        built.showIf(),
        built.calculation(),
        built.choices(),
        built.style(),
        built.validation(),
        built.retired());
  }

  private static List<Choice> choices(
      List<Choice> choices, Map<String, String> entries, Consumer<String> invalid) {
    Map<String, String> vietnamese = new LinkedHashMap<>();
    String labels = entries.get(RegistryAnnotation.CHOICES_VI);
    if (labels != null) {
      for (String item : labels.split("\\|")) {
        int comma = item.indexOf(',');
        if (comma < 0) {
          invalid.accept(RegistryAnnotation.CHOICES_VI + ": " + item.strip());
          continue;
        }
        vietnamese.put(item.substring(0, comma).strip(), item.substring(comma + 1).strip());
      }
    }
    List<String> retired = new ArrayList<>();
    String retiredCodes = entries.get(RegistryAnnotation.RETIRED_CHOICES);
    if (retiredCodes != null) {
      for (String code : retiredCodes.split("\\|")) {
        retired.add(code.strip());
      }
    }
    List<Choice> result = new ArrayList<>();
    for (Choice choice : choices) {
      result.add(
          new Choice(
              choice.code(),
              choice.labelEn(),
              vietnamese.getOrDefault(choice.code(), choice.labelVi()),
              choice.retired() || retired.contains(choice.code())));
    }
    return result;
  }

  private static void putIfPresent(Map<String, String> entries, String key, String value) {
    if (value != null && !value.isBlank()) {
      entries.put(key, value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
