package org.caseregistry.site;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.caseregistry.platform.VersionedEntity;
import org.hibernate.envers.Audited;

/** A hospital taking part in the registry. Sites are deactivated, never deleted. */
@Entity
@Table(name = "hospital_site")
@Audited
public class HospitalSite extends VersionedEntity {

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

  void update(String code, String name, String city, boolean active) {
    this.code = code;
    this.name = name;
    this.city = city;
    this.active = active;
  }
}
