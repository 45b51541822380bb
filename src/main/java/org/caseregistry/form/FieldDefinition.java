package org.caseregistry.form;

import java.util.List;
import java.util.Optional;

/**
 * One custom field of a series' form: what the form editor defines and what the case form, the
 * checks, the storage, the exports and the REDCap dictionary all follow.
 *
 * @param name snake_case, unique in the series and never a built-in variable's name
 * @param min hard lower limit (refused below), a number or an ISO date by the type
 * @param usualMin lower end of the usual range (saved with a warning outside it)
 * @param maxLength for text: the longest value taken
 * @param required a warning (never a refusal) while left empty
 * @param showIf branching: the field is asked only while this condition holds (blank: always)
 * @param calculation for {@link FieldType#CALCULATED}: the expression computed at every save
 * @param validation the REDCap text validation it came from or goes to (e.g. "date_dmy", "email"),
 *     kept so that a dictionary round trip is exact; "email" is also checked
 * @param retired hidden from new entry; stored values kept in history, exports and reports
 */
public record FieldDefinition(
    String name,
    FieldType type,
    String labelEn,
    String labelVi,
    String hintEn,
    String hintVi,
    String unit,
    String min,
    String max,
    String usualMin,
    String usualMax,
    Integer maxLength,
    boolean required,
    boolean unknownAllowed,
    boolean notApplicableAllowed,
    boolean identifier,
    String showIf,
    String calculation,
    List<Choice> choices,
    ChoiceStyle style,
    String validation,
    boolean retired) {

  /** The longest text a field takes when its definition sets no limit. */
  public static final int DEFAULT_TEXT_LENGTH = 500;

  public static final int DEFAULT_LONG_TEXT_LENGTH = 4000;

  public FieldDefinition {
    choices = choices == null ? List.of() : List.copyOf(choices);
    style = style == null ? ChoiceStyle.DROPDOWN : style;
    labelVi = blank(labelVi) ? labelEn : labelVi;
    hintVi = blank(hintVi) ? hintEn : hintVi;
  }

  /** A field with a name, type and English label; everything else empty. */
  public static FieldDefinition of(String name, FieldType type, String labelEn, String labelVi) {
    return new FieldDefinition(
        name,
        type,
        labelEn,
        labelVi,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        false,
        false,
        false,
        null,
        null,
        List.of(),
        ChoiceStyle.DROPDOWN,
        null,
        false);
  }

  public String label(boolean vietnamese) {
    return vietnamese ? labelVi : labelEn;
  }

  public String hint(boolean vietnamese) {
    return vietnamese ? hintVi : hintEn;
  }

  /** The choices of a coded field; yes/no fields have their two fixed codes. */
  public List<Choice> effectiveChoices() {
    if (type == FieldType.YES_NO) {
      return YES_NO_CHOICES;
    }
    return choices;
  }

  public Optional<Choice> choice(String code) {
    return effectiveChoices().stream().filter(choice -> choice.code().equals(code)).findFirst();
  }

  public int effectiveMaxLength() {
    if (maxLength != null) {
      return maxLength;
    }
    return type == FieldType.LONG_TEXT ? DEFAULT_LONG_TEXT_LENGTH : DEFAULT_TEXT_LENGTH;
  }

  public boolean hasCondition() {
    return !blank(showIf);
  }

  public FieldDefinition withRetired(boolean value) {
    return toBuilder().retired(value).build();
  }

  public FieldDefinition withChoices(List<Choice> value) {
    return toBuilder().choices(value).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  private static final List<Choice> YES_NO_CHOICES =
      List.of(new Choice("1", "Yes", "Có", false), new Choice("0", "No", "Không", false));

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** Changes one or a few components of a definition without listing all of them. */
  public static final class Builder {
    private String name;
    private FieldType type;
    private String labelEn;
    private String labelVi;
    private String hintEn;
    private String hintVi;
    private String unit;
    private String min;
    private String max;
    private String usualMin;
    private String usualMax;
    private Integer maxLength;
    private boolean required;
    private boolean unknownAllowed;
    private boolean notApplicableAllowed;
    private boolean identifier;
    private String showIf;
    private String calculation;
    private List<Choice> choices;
    private ChoiceStyle style;
    private String validation;
    private boolean retired;

    private Builder(FieldDefinition field) {
      name = field.name;
      type = field.type;
      labelEn = field.labelEn;
      labelVi = field.labelVi;
      hintEn = field.hintEn;
      hintVi = field.hintVi;
      unit = field.unit;
      min = field.min;
      max = field.max;
      usualMin = field.usualMin;
      usualMax = field.usualMax;
      maxLength = field.maxLength;
      required = field.required;
      unknownAllowed = field.unknownAllowed;
      notApplicableAllowed = field.notApplicableAllowed;
      identifier = field.identifier;
      showIf = field.showIf;
      calculation = field.calculation;
      choices = field.choices;
      style = field.style;
      validation = field.validation;
      retired = field.retired;
    }

    public Builder hint(String en, String vi) {
      hintEn = en;
      hintVi = vi;
      return this;
    }

    public Builder unit(String value) {
      unit = value;
      return this;
    }

    public Builder limits(String lower, String upper) {
      min = lower;
      max = upper;
      return this;
    }

    public Builder usual(String lower, String upper) {
      usualMin = lower;
      usualMax = upper;
      return this;
    }

    public Builder maxLength(Integer value) {
      maxLength = value;
      return this;
    }

    public Builder required(boolean value) {
      required = value;
      return this;
    }

    public Builder unknownAllowed(boolean value) {
      unknownAllowed = value;
      return this;
    }

    public Builder notApplicableAllowed(boolean value) {
      notApplicableAllowed = value;
      return this;
    }

    public Builder identifier(boolean value) {
      identifier = value;
      return this;
    }

    public Builder showIf(String value) {
      showIf = value;
      return this;
    }

    public Builder calculation(String value) {
      calculation = value;
      return this;
    }

    public Builder choices(List<Choice> value) {
      choices = value;
      return this;
    }

    public Builder style(ChoiceStyle value) {
      style = value;
      return this;
    }

    public Builder validation(String value) {
      validation = value;
      return this;
    }

    public Builder retired(boolean value) {
      retired = value;
      return this;
    }

    public FieldDefinition build() {
      return new FieldDefinition(
          name,
          type,
          labelEn,
          labelVi,
          hintEn,
          hintVi,
          unit,
          min,
          max,
          usualMin,
          usualMax,
          maxLength,
          required,
          unknownAllowed,
          notApplicableAllowed,
          identifier,
          showIf,
          calculation,
          choices,
          style,
          validation,
          retired);
    }
  }
}
