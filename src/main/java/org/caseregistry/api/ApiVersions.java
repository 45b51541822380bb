package org.caseregistry.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Optimistic locking over HTTP. A section or list item is saved only against the version the client
 * read: sent in the body ({@code version}) or as {@code If-Match: "3"} (the entity tag of a section
 * or item is its version). A stale version from the body answers 409 Conflict, from If-Match 412
 * Precondition Failed; none at all answers 428 Precondition Required.
 */
final class ApiVersions {

  static final String CONFLICT =
      "Someone else saved this after you read it. Nothing was overwritten: read it again and"
          + " resend your change against the current version.";

  private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"(\\d{1,9})\"|(\\d{1,9})");

  private ApiVersions() {}

  /** The version a write is made against, and where the client put it. */
  record Expected(int version, boolean fromIfMatch) {
    ApiRequestException stale() {
      return new ApiRequestException(staleStatus(fromIfMatch), CONFLICT);
    }
  }

  /**
   * The answer to a write against a stale version ({@link
   * org.caseregistry.platform.EditConflictException}): 412 when the version came as If-Match, else
   * 409.
   */
  static HttpStatus staleStatus(String ifMatch) {
    return staleStatus(ifMatch != null && !ifMatch.isBlank());
  }

  private static HttpStatus staleStatus(boolean fromIfMatch) {
    return fromIfMatch ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
  }

  static Expected expected(Integer bodyVersion, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      if (bodyVersion == null) {
        throw new ApiRequestException(
            HttpStatus.PRECONDITION_REQUIRED,
            "Say which version you change: 'version' in the body, or an If-Match header with the"
                + " version as entity tag (If-Match: \"3\"). It is 0 for a section never saved.");
      }
      return new Expected(bodyVersion, false);
    }
    Matcher matcher = ENTITY_TAG.matcher(ifMatch.strip());
    if (!matcher.matches()) {
      throw ApiRequestException.badRequest(
          List.of(
              new FieldErrorJson(
                  "If-Match",
                  "entity-tag",
                  "Give the version read as entity tag, e.g. If-Match: \"3\".")));
    }
    int version = Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    if (bodyVersion != null && bodyVersion != version) {
      throw ApiRequestException.badRequest(
          List.of(
              new FieldErrorJson(
                  "version",
                  "version-mismatch",
                  "The body's version and the If-Match header differ.")));
    }
    return new Expected(version, true);
  }

  static String etag(int version) {
    return "\"" + version + "\"";
  }
}
