package org.caseregistry.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.caseregistry.cases.SectionForm;
import org.caseregistry.catalog.CaseVariables;
import org.caseregistry.catalog.Section;
import org.caseregistry.catalog.Variable;
import org.caseregistry.platform.NotFoundException;
import org.springframework.http.HttpStatus;

/**
 * Reads a JSON section body into the form the case service takes from the pages: every value as the
 * text a person would type (JSON numbers written out plainly). Refuses what a form could not carry:
 * unknown variables, true/false, objects and arrays.
 */
final class SectionRequests {

  private SectionRequests() {}

  static Section section(String slug) {
    Section section = Section.fromSlug(slug);
    if (section == null) {
      throw new NotFoundException();
    }
    return section;
  }

  static Section single(String slug) {
    Section section = section(slug);
    if (section.isList()) {
      throw new ApiRequestException(
          HttpStatus.NOT_FOUND, "'" + slug + "' is a list section: save its items under /items.");
    }
    return section;
  }

  /** A body of values, missing reasons and a version, nothing else: else 400, by property. */
  static void requireShape(SectionRequest body) {
    List<FieldErrorJson> shape = new ArrayList<>();
    for (String property : body.unknownProperties()) {
      shape.add(
          new FieldErrorJson(
              property, "unknown-property", "Unknown property: use values, missing and version."));
    }
    if (body.getValues() == null) {
      shape.add(
          new FieldErrorJson(
              "values", "required", "Required: every value of the section (or {} to clear it)."));
    }
    if (!shape.isEmpty()) {
      throw ApiRequestException.badRequest(shape);
    }
  }

  static Section list(String slug) {
    Section section = section(slug);
    if (!section.isList()) {
      throw new ApiRequestException(
          HttpStatus.NOT_FOUND, "'" + slug + "' is not a list section: it has no items.");
    }
    return section;
  }

  static SectionForm form(Section section, SectionRequest body, int version) {
    requireShape(body);
    Set<String> names =
        CaseVariables.of(section).stream().map(Variable::name).collect(Collectors.toSet());
    List<FieldErrorJson> errors = new ArrayList<>();
    SectionForm form = new SectionForm();
    for (Map.Entry<String, Object> entry : body.getValues().entrySet()) {
      String name = entry.getKey();
      if (!names.contains(name)) {
        errors.add(unknownVariable(section, name));
      } else if (entry.getValue() == null) {
        form.getValues().put(name, "");
      } else if (entry.getValue() instanceof String text) {
        form.getValues().put(name, text);
      } else if (entry.getValue() instanceof Number number) {
        String plain = plain(number);
        if (plain == null) {
          errors.add(
              new FieldErrorJson(
                  name,
                  "not-a-number-in-range",
                  "Not a number in range: no value of the registry is near this size."));
        } else {
          form.getValues().put(name, plain);
        }
      } else {
        errors.add(
            new FieldErrorJson(
                name, "not-text-or-number", "Give a string or a number, or null for no value."));
      }
    }
    for (Map.Entry<String, String> entry : body.getMissing().entrySet()) {
      if (!names.contains(entry.getKey())) {
        errors.add(unknownVariable(section, entry.getKey()));
      } else if (entry.getValue() != null) {
        form.getMissing().put(entry.getKey(), entry.getValue());
      }
    }
    if (!errors.isEmpty()) {
      throw ApiRequestException.invalid(errors);
    }
    form.setVersion(version);
    return form;
  }

  private static FieldErrorJson unknownVariable(Section section, String name) {
    return new FieldErrorJson(
        name,
        "unknown-variable",
        "The section " + section.slug() + " has no variable " + name + ".");
  }

  /**
   * No variable holds a number this large (or this many decimals): refused before it is written out
   * (1e400 would be a 400-digit text, 1e400 as a double is infinite).
   */
  private static final BigDecimal LARGEST = new BigDecimal("1e15");

  private static final int MOST_DECIMALS = 15;

  /** 65, 47.4, 1.5E2 → "65", "47.4", "150": the text ValueParser reads; null when out of range. */
  private static String plain(Number number) {
    if ((number instanceof Double value && !Double.isFinite(value))
        || (number instanceof Float single && !Float.isFinite(single))) {
      return null;
    }
    BigDecimal decimal =
        number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
    if (decimal.abs().compareTo(LARGEST) >= 0) {
      return null;
    }
    BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() > MOST_DECIMALS) {
      return null;
    }
    return stripped.toPlainString();
  }
}
