package org.caseregistry.platform;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * The columns every edited registry entity carries: an optimistic-lock {@code version} (an edit
 * made on a stale page is refused, see {@link EditConflictException}) and the times of creation and
 * of the last change, kept by Hibernate.
 *
 * <p>Not {@code @Audited}: Envers leaves these out of the {@code _aud} tables, as it did when each
 * entity declared them ({@code version} is never audited, the two times were {@code @NotAudited}).
 */
@MappedSuperclass
public abstract class VersionedEntity {

  @Version private long version;

  @CreationTimestamp
  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @UpdateTimestamp
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  public long getVersion() {
    return version;
  }
}
