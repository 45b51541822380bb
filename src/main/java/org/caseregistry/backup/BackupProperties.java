package org.caseregistry.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What {@link BackupCommand} does instead of serving ({@code registry.backup.*}, given on the
 * command line by {@code db/backup.sh} and {@code db/restore.sh}); neither set: the application
 * serves as usual.
 *
 * @param write the file to write a logical backup to
 * @param restore the file to restore a logical backup from (only when {@code write} is not set)
 */
@ConfigurationProperties("registry.backup")
record BackupProperties(Path write, Path restore) {}
