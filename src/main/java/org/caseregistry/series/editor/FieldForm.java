package org.caseregistry.series.editor;

import java.util.ArrayList;
import java.util.List;
import org.caseregistry.form.Choice;
import org.caseregistry.form.ChoiceStyle;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;

/**
 * What the field editor posts: every attribute as typed, so that a refused save shows it again.
 * Choices are one per line, "code, English label | Vietnamese label", ending in "[retired]" for a
 * code kept only for stored values.
 */
public class FieldForm {

  static final String RETIRED_MARK = "[retired]";

  private String name;
  private FieldType type = FieldType.TEXT;
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
  private String choices;
  private ChoiceStyle style = ChoiceStyle.DROPDOWN;
  private String validation;
  private int formVersion;

  static FieldForm of(FieldDefinition field, int formVersion) {
    FieldForm form = new FieldForm();
    form.name = field.name();
    form.type = field.type();
    form.labelEn = field.labelEn();
    form.labelVi = field.labelVi();
    form.hintEn = field.hintEn();
    form.hintVi = field.hintVi();
    form.unit = field.unit();
    form.min = field.min();
    form.max = field.max();
    form.usualMin = field.usualMin();
    form.usualMax = field.usualMax();
    form.maxLength = field.maxLength();
    form.required = field.required();
    form.unknownAllowed = field.unknownAllowed();
    form.notApplicableAllowed = field.notApplicableAllowed();
    form.identifier = field.identifier();
    form.showIf = field.showIf();
    form.calculation = field.calculation();
    form.style = field.style();
    form.validation = field.validation();
    StringBuilder lines = new StringBuilder();
    for (Choice choice : field.choices()) {
      lines.append(choice.code()).append(", ").append(choice.labelEn());
      if (!choice.labelVi().equals(choice.labelEn())) {
        lines.append(" | ").append(choice.labelVi());
      }
      if (choice.retired()) {
        lines.append(' ').append(RETIRED_MARK);
      }
      lines.append('\n');
    }
    form.choices = lines.toString().strip();
    form.formVersion = formVersion;
    return form;
  }

  /** The definition typed, keeping what the editor does not show (retired state). */
  FieldDefinition toDefinition(boolean retired) {
    return FieldDefinition.of(name, type, labelEn, labelVi).toBuilder()
        .hint(blankToNull(hintEn), blankToNull(hintVi))
        .unit(blankToNull(unit))
        .limits(blankToNull(min), blankToNull(max))
        .usual(blankToNull(usualMin), blankToNull(usualMax))
        .maxLength(maxLength)
        .required(required)
        .unknownAllowed(unknownAllowed)
        .notApplicableAllowed(notApplicableAllowed)
        .identifier(identifier)
        .showIf(blankToNull(showIf))
        .calculation(type == FieldType.CALCULATED ? blankToNull(calculation) : null)
        .choices(type != null && type.hasChoices() ? parseChoices() : List.of())
        .style(style)
        .validation(blankToNull(validation))
        .retired(retired)
        .build();
  }

  /** The lines of the choices box; a line that is not "code, label" becomes a code-only choice. */
  List<Choice> parseChoices() {
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

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? null : name.strip();
  }

  public FieldType getType() {
    return type;
  }

  public void setType(FieldType type) {
    this.type = type;
  }

  public String getLabelEn() {
    return labelEn;
  }

  public void setLabelEn(String labelEn) {
    this.labelEn = labelEn;
  }

  public String getLabelVi() {
    return labelVi;
  }

  public void setLabelVi(String labelVi) {
    this.labelVi = labelVi;
  }

  public String getHintEn() {
    return hintEn;
  }

  public void setHintEn(String hintEn) {
    this.hintEn = hintEn;
  }

  public String getHintVi() {
    return hintVi;
  }

  public void setHintVi(String hintVi) {
    this.hintVi = hintVi;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public String getMin() {
    return min;
  }

  public void setMin(String min) {
    this.min = min;
  }

  public String getMax() {
    return max;
  }

  public void setMax(String max) {
    this.max = max;
  }

  public String getUsualMin() {
    return usualMin;
  }

  public void setUsualMin(String usualMin) {
    this.usualMin = usualMin;
  }

  public String getUsualMax() {
    return usualMax;
  }

  public void setUsualMax(String usualMax) {
    this.usualMax = usualMax;
  }

  public Integer getMaxLength() {
    return maxLength;
  }

  public void setMaxLength(Integer maxLength) {
    this.maxLength = maxLength;
  }

  public boolean isRequired() {
    return required;
  }

  public void setRequired(boolean required) {
    this.required = required;
  }

  public boolean isUnknownAllowed() {
    return unknownAllowed;
  }

  public void setUnknownAllowed(boolean unknownAllowed) {
    this.unknownAllowed = unknownAllowed;
  }

  public boolean isNotApplicableAllowed() {
    return notApplicableAllowed;
  }

  public void setNotApplicableAllowed(boolean notApplicableAllowed) {
    this.notApplicableAllowed = notApplicableAllowed;
  }

  public boolean isIdentifier() {
    return identifier;
  }

  public void setIdentifier(boolean identifier) {
    this.identifier = identifier;
  }

  public String getShowIf() {
    return showIf;
  }

  public void setShowIf(String showIf) {
    this.showIf = showIf;
  }

  public String getCalculation() {
    return calculation;
  }

  public void setCalculation(String calculation) {
    this.calculation = calculation;
  }

  public String getChoices() {
    return choices;
  }

  public void setChoices(String choices) {
    this.choices = choices;
  }

  public ChoiceStyle getStyle() {
    return style;
  }

  public void setStyle(ChoiceStyle style) {
    this.style = style == null ? ChoiceStyle.DROPDOWN : style;
  }

  public String getValidation() {
    return validation;
  }

  public void setValidation(String validation) {
    this.validation = validation;
  }

  public int getFormVersion() {
    return formVersion;
  }

  public void setFormVersion(int formVersion) {
    this.formVersion = formVersion;
  }
}
