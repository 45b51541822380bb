package org.caseregistry.backup;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Backup and restore from the command line (see db/backup.sh and db/restore.sh): started with
 * {@code --registry.backup.write=FILE} or {@code --registry.backup.restore=FILE}, the application
 * does that before anything else at start-up, then exits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BackupCommand implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

  private final DataSource dataSource;
  private final BackupProperties properties;
  private final ConfigurableApplicationContext context;

  BackupCommand(
      DataSource dataSource, BackupProperties properties, ConfigurableApplicationContext context) {
    this.dataSource = dataSource;
    this.properties = properties;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    Path write = properties.write();
    Path restore = properties.restore();
    if (write == null && restore == null) {
      return;
    }
    int exitCode = 0;
    try {
      LogicalBackup backup = new LogicalBackup(dataSource);
      if (write != null) {
        Path file = write.toAbsolutePath();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
          LogicalBackup.Summary summary = backup.write(out);
          log.info(
              "Backup written to {}: schema {}, rows {}",
              file,
              summary.schemaVersion(),
              summary.rows());
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      } else {
        try (InputStream in = Files.newInputStream(restore)) {
          LogicalBackup.Summary summary = backup.restore(in);
          log.info(
              "Backup {} restored: schema {}, rows {}",
              restore,
              summary.schemaVersion(),
              summary.rows());
        }
      }
    } catch (Exception failure) {
      log.error("Backup or restore failed: {}", failure.getMessage(), failure);
      exitCode = 1;
    }
    int code = exitCode;
    System.exit(SpringApplication.exit(context, () -> code));
  }
}
