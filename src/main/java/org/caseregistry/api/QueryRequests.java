package org.caseregistry.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of the query endpoints. */
final class QueryRequests {

  private QueryRequests() {}

  /** A new query; section, itemId and variable all absent for a query on the whole case. */
  record Open(
      @Schema(example = "pathology", description = "Section slug; absent for the whole case")
          String section,
      @Schema(description = "The list item, for a field of a list section") Long itemId,
      @Schema(example = "pn", description = "Variable name; absent for the whole section")
          String variable,
      @Schema(
              example = "pN2 with 7 positive nodes: which is right?",
              maxLength = 4000,
              requiredMode = Schema.RequiredMode.REQUIRED)
          String question,
      @Schema(example = "N3", maxLength = 500) String proposedValue) {}

  /** The site's answer and/or the corrected value of the field the query is on. */
  record Answer(
      @Schema(example = "The pathology report says 7 of 26: pN3.", maxLength = 4000) String message,
      @Schema(
              example = "N3",
              description =
                  "The corrected value as a form takes it (a code, a number, a date);"
                      + " saved through the normal section save, linked to the query")
          String value) {}

  /** A note when closing; the reason when re-opening (required then). */
  record Step(
      @Schema(example = "Confirmed with the pathology report.", maxLength = 4000) String message) {}
}
