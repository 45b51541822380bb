package org.caseregistry.importing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a checked import waits for its commit ({@code registry.import.*}; defaults in {@code
 * application.properties}).
 *
 * @param uploadLifetime how long an upload may be committed after its check
 * @param cleanupInterval how often expired uploads are removed (read by {@link
 *     ImportUploadCleanup}'s schedule)
 */
@Validated
@ConfigurationProperties("registry.import")
record ImportUploadProperties(
    @NotNull Duration uploadLifetime, @NotNull Duration cleanupInterval) {}
