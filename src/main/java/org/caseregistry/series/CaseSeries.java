package org.caseregistry.series;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.caseregistry.platform.VersionedEntity;
import org.caseregistry.site.HospitalSite;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/** A case series: one study's cases, at the sites taking part in it. */
@Entity
@Table(name = "case_series")
@Audited
public class CaseSeries extends VersionedEntity {

  public enum Status {
    PLANNED,
    ACTIVE,
    CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 300)
  private String title;

  @Column(length = 4000)
  private String description;

  @Column(length = 300)
  private String procedure;

  @Column(name = "period_start")
  private LocalDate periodStart;

  @Column(name = "period_end")
  private LocalDate periodEnd;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Status status = Status.ACTIVE;

  @Column(nullable = false)
  private boolean demo;

  @Audited(targetAuditMode = RelationTargetAuditMode.AUDITED)
  @ManyToMany
  @JoinTable(
      name = "case_series_site",
      joinColumns = @JoinColumn(name = "series_id"),
      inverseJoinColumns = @JoinColumn(name = "site_id"))
  private Set<HospitalSite> sites = new HashSet<>();

  protected CaseSeries() {}

  CaseSeries(String title) {
    this.title = title;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public String getProcedure() {
    return procedure;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public Status getStatus() {
    return status;
  }

  public boolean isDemo() {
    return demo;
  }

  public Set<HospitalSite> getSites() {
    return sites;
  }

  public boolean includesSite(long siteId) {
    return sites.stream().anyMatch(site -> site.getId() == siteId);
  }

  void update(
      String title,
      String description,
      String procedure,
      LocalDate periodStart,
      LocalDate periodEnd,
      Status status,
      Set<HospitalSite> sites) {
    this.title = title;
    this.description = description;
    this.procedure = procedure;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.status = status;
    this.sites.clear();
    this.sites.addAll(sites);
  }

  void markDemo() {
    this.demo = true;
  }
}
