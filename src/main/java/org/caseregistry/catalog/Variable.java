package org.caseregistry.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One variable of a case: the single description that the forms, the checks, the database columns,
 * the exports, the import and the codebook all follow.
 *
 * @param name snake_case name: database column, export column and form field at once
 * @param min hard lower limit (a value below it is refused), for numbers
 * @param usualMin lower end of the usual range (a value outside it is saved with a warning)
 * @param identifier a direct patient identifier: never leaves the site unmasked
 */
public record Variable(
    String name,
    Section section,
    ValueType type,
    List<CodeOption> options,
    BigDecimal min,
    BigDecimal max,
    BigDecimal usualMin,
    BigDecimal usualMax,
    int maxLength,
    boolean notApplicableAllowed,
    boolean identifier) {

  public String labelKey() {
    return "var." + name;
  }

  public String hintKey() {
    return "var." + name + ".hint";
  }

  public boolean isCoded() {
    return type == ValueType.CODE;
  }

  public boolean isNumeric() {
    return type == ValueType.INTEGER || type == ValueType.DECIMAL;
  }

  public Optional<CodeOption> option(String code) {
    return options.stream().filter(option -> option.code().equals(code)).findFirst();
  }

  /**
   * Whether a missing value takes a reason (unknown, not applicable): every variable whose codes
   * cannot say "unknown" themselves, such as numbers, dates, text or a Clavien-Dindo grade.
   */
  public boolean acceptsMissingReason() {
    return !isCoded() || options.stream().noneMatch(CodeOption::isUnknown);
  }
}
