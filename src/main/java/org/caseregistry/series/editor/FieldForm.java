package org.caseregistry.series.editor;

import java.util.List;
import org.caseregistry.form.ChoiceStyle;
import org.caseregistry.form.FieldDefinition;
import org.caseregistry.form.FieldType;

/**
 * What the field editor posts: every attribute as typed, so that a refused save shows it again.
 * Choices are one per line, "code, English label | Vietnamese label", ending in "[retired]" for a
 * code kept only for stored values.
 */
public class FieldForm extends LabelledForm {

  private String name;
  private FieldType type = FieldType.TEXT;
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

  static FieldForm of(FieldDefinition field, int formVersion) {
    FieldForm form = new FieldForm();
    form.name = field.name();
    form.type = field.type();
    form.setLabels(field.labelEn(), field.labelVi());
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
    form.choices = ChoiceLines.format(field.choices());
    form.setFormVersion(formVersion);
    return form;
  }

  /** The definition typed, keeping what the editor does not show (retired state). */
  FieldDefinition toDefinition(boolean retired) {
    return FieldDefinition.of(name, type, getLabelEn(), getLabelVi()).toBuilder()
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
        .choices(type != null && type.hasChoices() ? ChoiceLines.parse(choices) : List.of())
        .style(style)
        .validation(blankToNull(validation))
        .retired(retired)
        .build();
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
}
