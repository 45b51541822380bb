package org.caseregistry.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/** How Spring Boot connects to an embedded PostgreSQL: its own database and superuser. */
public final class EmbeddedPostgresConnection implements JdbcConnectionDetails {

  private static final String USER = "postgres";

  private final String url;

  public EmbeddedPostgresConnection(EmbeddedPostgres postgres) {
    this.url = postgres.getJdbcUrl(USER, USER);
  }

  @Override
  public String getUsername() {
    return USER;
  }

  @Override
  public String getPassword() {
    return USER;
  }

  @Override
  public String getJdbcUrl() {
    return url;
  }
}
