package org.caseregistry.api;

import java.net.URI;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The Location of a resource a POST created, under the application's context path. */
final class ApiLocations {

  private ApiLocations() {}

  /** E.g. {@code of("/api/v1/queries/{queryId}", 7)}. */
  static URI of(String path, Object... variables) {
    return ServletUriComponentsBuilder.fromCurrentContextPath()
        .path(path)
        .buildAndExpand(variables)
        .toUri();
  }
}
