package org.caseregistry.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.caseregistry.platform.FormText;

/** What the site form posts; validated before it touches an entity. */
public class SiteForm {

  @NotBlank
  @Size(max = 20)
  @Pattern(regexp = "[A-Za-z0-9_-]*")
  private String code;

  @NotBlank
  @Size(max = 200)
  private String name;

  @Size(max = 100)
  private String city;

  private boolean active = true;

  private Long version;

  static SiteForm of(HospitalSite site) {
    SiteForm form = new SiteForm();
    form.code = site.getCode();
    form.name = site.getName();
    form.city = site.getCity();
    form.active = site.isActive();
    form.version = site.getVersion();
    return form;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = FormText.stripped(code);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = FormText.stripped(name);
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = FormText.optional(city);
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
