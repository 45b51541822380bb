package org.caseregistry.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One audited change set: when it happened and which account made it. */
@Entity
@Table(name = "revinfo")
@RevisionEntity(AuditRevisionListener.class)
public class AuditRevision {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revinfo_seq")
  @SequenceGenerator(name = "revinfo_seq", sequenceName = "revinfo_seq", allocationSize = 1)
  @RevisionNumber
  @Column(name = "rev")
  private int id;

  @RevisionTimestamp
  @Column(name = "revtstmp", nullable = false)
  private long timestamp;

  @Column(name = "username", length = 100)
  private String username;

  public int getId() {
    return id;
  }

  public Instant getTimestamp() {
    return Instant.ofEpochMilli(timestamp);
  }

  public String getUsername() {
    return username;
  }

  void setUsername(String username) {
    this.username = username;
  }
}
