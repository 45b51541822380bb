package org.caseregistry.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/** A hospital taking part in the registry. Sites are deactivated, never deleted. */
@Entity
@Table(name = "hospital_site")
@Audited
public class HospitalSite {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 20)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(length = 100)
  private String city;

  @Column(nullable = false)
  private boolean active = true;

  @Version private long version;

  @NotAudited
  @CreationTimestamp
  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @NotAudited
  @UpdateTimestamp
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected HospitalSite() {}

  public HospitalSite(String code, String name, String city) {
    this.code = code;
    this.name = name;
    this.city = city;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getCity() {
    return city;
  }

  public boolean isActive() {
    return active;
  }

  public long getVersion() {
    return version;
  }

  void update(String code, String name, String city, boolean active) {
    this.code = code;
    this.name = name;
    this.city = city;
    this.active = active;
  }
}
