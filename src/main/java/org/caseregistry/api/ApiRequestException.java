package org.caseregistry.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses with a problem of the given status: field errors (422, or 400 for the
 * shape of the request), a missing precondition (428), a stale version (409, 412), and the like.
 */
class ApiRequestException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldErrorJson> errors;

  ApiRequestException(HttpStatus status, String detail, List<FieldErrorJson> errors) {
    super(detail);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  ApiRequestException(HttpStatus status, String detail) {
    this(status, detail, List.of());
  }

  static ApiRequestException invalid(List<FieldErrorJson> errors) {
    return new ApiRequestException(
        HttpStatus.UNPROCESSABLE_CONTENT, "The request has invalid values; see errors.", errors);
  }

  static ApiRequestException badRequest(List<FieldErrorJson> errors) {
    return new ApiRequestException(
        HttpStatus.BAD_REQUEST, "The request is not of the expected form; see errors.", errors);
  }

  HttpStatus status() {
    return status;
  }

  List<FieldErrorJson> errors() {
    return errors;
  }
}
