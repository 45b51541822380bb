package org.caseregistry.platform;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The optional read replica for reports ({@code registry.replica.*}, set through {@code
 * REGISTRY_REPLICA_URL}, {@code REGISTRY_REPLICA_USERNAME} and {@code REGISTRY_REPLICA_PASSWORD};
 * defaults in {@code application.properties}).
 *
 * @param url its JDBC URL; blank: every read goes to the primary
 * @param username a read-only role on the replica
 * @param password its password
 * @param poolSize the most connections to the replica
 */
@Validated
@ConfigurationProperties("registry.replica")
record ReplicaProperties(String url, String username, String password, @Min(1) int poolSize) {

  boolean configured() {
    return url != null && !url.isBlank();
  }
}
