package org.caseregistry.api;

/**
 * One problem with one field of a request: the field (a variable name for section values), a stable
 * code, and an English message.
 */
public record FieldErrorJson(String field, String code, String message) {}
