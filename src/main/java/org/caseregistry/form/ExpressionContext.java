package org.caseregistry.form;

/**
 * The values an expression reads, by field name: Integer or BigDecimal for numbers, LocalDate,
 * LocalTime, String for codes and text, a List of codes for check boxes, Boolean, or null when the
 * field is blank.
 */
@FunctionalInterface
public interface ExpressionContext {
  Object value(String name);
}
