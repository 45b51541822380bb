package org.caseregistry.report;

import org.caseregistry.catalog.CodeOption;

/** The words of a report in one language, so that the table builders stay plain Java. */
interface Labels {

  /** The message with this key, with its arguments. */
  String message(String key, Object... arguments);

  /** The label of a code option (a message, or a literal such as "T2"). */
  String code(CodeOption option);

  /** Whether the report is in Vietnamese (the custom fields' labels follow). */
  default boolean vietnamese() {
    return false;
  }

  /** The message of the first key that exists, or the fallback text. */
  String firstOf(String fallback, String... keys);
}
