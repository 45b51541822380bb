package org.caseregistry.account;

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
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.caseregistry.platform.VersionedEntity;
import org.caseregistry.site.HospitalSite;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * A person who signs in. Accounts are deactivated, never deleted, so history stays attributable.
 */
@Entity
@Table(name = "account")
@Audited
public class Account extends VersionedEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 50)
  private String username;

  @Column(name = "full_name", nullable = false, length = 200)
  private String fullName;

  @Column(length = 254)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Role role;

  @Column(nullable = false)
  private boolean active = true;

  @NotAudited
  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  @NotAudited
  @Column(name = "failed_attempts", nullable = false)
  private int failedAttempts;

  @NotAudited
  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Audited(targetAuditMode = RelationTargetAuditMode.AUDITED)
  @ManyToMany
  @JoinTable(
      name = "account_site",
      joinColumns = @JoinColumn(name = "account_id"),
      inverseJoinColumns = @JoinColumn(name = "site_id"))
  private Set<HospitalSite> sites = new HashSet<>();

  /** Moves on with every new password; sessions of an older epoch are signed out. */
  @NotAudited
  @Column(name = "session_epoch", nullable = false)
  private int sessionEpoch;

  protected Account() {}

  Account(String username, String fullName, String email, Role role, String passwordHash) {
    this.username = username;
    this.fullName = fullName;
    this.email = email;
    this.role = role;
    this.passwordHash = passwordHash;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getFullName() {
    return fullName;
  }

  public String getEmail() {
    return email;
  }

  public Role getRole() {
    return role;
  }

  public boolean isActive() {
    return active;
  }

  public boolean isMustChangePassword() {
    return mustChangePassword;
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  public int getFailedAttempts() {
    return failedAttempts;
  }

  public Set<HospitalSite> getSites() {
    return sites;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  public int getSessionEpoch() {
    return sessionEpoch;
  }

  void updateProfile(
      String username,
      String fullName,
      String email,
      Role role,
      boolean active,
      Set<HospitalSite> sites) {
    this.username = username;
    this.fullName = fullName;
    this.email = email;
    this.role = role;
    this.active = active;
    this.sites.clear();
    this.sites.addAll(sites);
  }

  void changePassword(String passwordHash, boolean mustChangeAtNextSignIn, Instant now) {
    this.passwordHash = passwordHash;
    this.mustChangePassword = mustChangeAtNextSignIn;
    this.passwordChangedAt = now;
    this.failedAttempts = 0;
    this.lockedUntil = null;
    // Sessions begun with the old password end at their next request.
    this.sessionEpoch++;
  }
}
