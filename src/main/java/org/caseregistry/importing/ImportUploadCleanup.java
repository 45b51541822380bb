package org.caseregistry.importing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes uploads that waited longer than their lifetime for a commit. Every instance runs it; the
 * delete is one idempotent statement, so instances running it together do no harm.
 */
@Component
class ImportUploadCleanup {

  private static final Logger log = LoggerFactory.getLogger(ImportUploadCleanup.class);

  private final ImportUploads uploads;

  ImportUploadCleanup(ImportUploads uploads) {
    this.uploads = uploads;
  }

  @Scheduled(
      fixedDelayString = "${registry.import.cleanup-interval}",
      initialDelayString = "${registry.import.cleanup-interval}")
  void removeExpired() {
    int removed = uploads.removeExpired();
    if (removed > 0) {
      log.info("Removed {} expired import uploads", removed);
    }
  }
}
