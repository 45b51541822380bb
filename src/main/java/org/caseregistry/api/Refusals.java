package org.caseregistry.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem statuses an endpoint answers besides those every endpoint may answer (400, 401, 403,
 * 404); the OpenAPI description lists them (see {@link OpenApiConfiguration}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Refusals {
  int[] value();
}
