package org.caseregistry.report;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.caseregistry.catalog.CodeOption;

/** Labels for unit tests: the key with its arguments, and codes as themselves. */
final class StubLabels implements Labels {

  @Override
  public String message(String key, Object... arguments) {
    return arguments == null || arguments.length == 0
        ? key
        : key
            + "["
            + Arrays.stream(arguments).map(String::valueOf).collect(Collectors.joining(","))
            + "]";
  }

  @Override
  public String code(CodeOption option) {
    return option.literalLabel() != null ? option.literalLabel() : option.code();
  }

  @Override
  public String firstOf(String fallback, String... keys) {
    return fallback;
  }
}
