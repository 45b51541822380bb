package org.caseregistry.platform;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the embedded PostgreSQL keeps its data and listens ({@code registry.embedded-database.*},
 * set through {@code REGISTRY_DATA_DIR} and {@code REGISTRY_DB_PORT}; defaults in {@code
 * application.properties}). Whether it runs at all ({@code registry.embedded-database.enabled}) is
 * decided before any bean exists, by {@link EmbeddedDatabaseConfiguration.EmbeddedDatabaseWanted}.
 *
 * @param dataDir its data directory, kept across restarts
 * @param port its port on localhost; 0 picks any free port
 */
@Validated
@ConfigurationProperties("registry.embedded-database")
record EmbeddedDatabaseProperties(@NotNull Path dataDir, int port) {}
