package org.caseregistry.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;
import org.caseregistry.platform.FormText;
import org.caseregistry.site.HospitalSite;

/** What the admin's account form posts. */
public class AccountForm {

  @NotBlank
  @Size(min = 3, max = 50)
  @Pattern(regexp = "[A-Za-z0-9._-]*")
  private String username;

  @NotBlank
  @Size(max = 200)
  private String fullName;

  @Email
  @Size(max = 254)
  private String email;

  @NotNull private Role role;

  private Set<Long> siteIds = new LinkedHashSet<>();

  private boolean active = true;

  private Long version;

  static AccountForm of(Account account) {
    AccountForm form = new AccountForm();
    form.username = account.getUsername();
    form.fullName = account.getFullName();
    form.email = account.getEmail();
    form.role = account.getRole();
    form.active = account.isActive();
    form.version = account.getVersion();
    account.getSites().stream().map(HospitalSite::getId).forEach(form.siteIds::add);
    return form;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = FormText.stripped(username);
  }

  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = FormText.stripped(fullName);
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = FormText.optional(email);
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public Set<Long> getSiteIds() {
    return siteIds;
  }

  public void setSiteIds(Set<Long> siteIds) {
    this.siteIds = siteIds == null ? new LinkedHashSet<>() : siteIds;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
