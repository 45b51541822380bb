package org.caseregistry.testing;

/** Properties every test context shares, so that contexts are cached and reused. */
public final class TestProperties {

  /** The application's own embedded database is off: tests use {@link SharedPostgres}. */
  public static final String DATABASE = "registry.embedded-database.enabled=false";

  private TestProperties() {}
}
