package org.caseregistry.site;

import java.util.List;
import java.util.Objects;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

@Service
public class SiteService {

  private final HospitalSiteRepository sites;

  SiteService(HospitalSiteRepository sites) {
    this.sites = sites;
  }

  @Transactional(readOnly = true)
  public List<HospitalSite> all() {
    return sites.findAllByOrderByCodeAsc();
  }

  @Transactional(readOnly = true)
  public List<HospitalSite> active() {
    return sites.findByActiveTrueOrderByCodeAsc();
  }

  @Transactional(readOnly = true)
  public HospitalSite get(long id) {
    return sites.findById(id).orElseThrow(NotFoundException::new);
  }

  /** The site with this code, created first if it does not exist yet (demo data, imports). */
  @Transactional
  public HospitalSite ensure(String code, String name, String city) {
    return sites
        .findByCodeIgnoreCase(code)
        .orElseGet(() -> sites.saveAndFlush(new HospitalSite(code, name, city)));
  }

  /** Creates a site; returns null and fills {@code errors} when the code or name is taken. */
  @Transactional
  public HospitalSite create(SiteForm form, Errors errors) {
    checkUnique(form, null, errors);
    if (errors.hasErrors()) {
      return null;
    }
    HospitalSite site = new HospitalSite(form.getCode(), form.getName(), form.getCity());
    site.update(form.getCode(), form.getName(), form.getCity(), form.isActive());
    return sites.saveAndFlush(site);
  }

  @Transactional
  public HospitalSite update(long id, SiteForm form, Errors errors) {
    HospitalSite site = get(id);
    if (!Objects.equals(form.getVersion(), site.getVersion())) {
      throw new EditConflictException();
    }
    checkUnique(form, id, errors);
    if (errors.hasErrors()) {
      return null;
    }
    site.update(form.getCode(), form.getName(), form.getCity(), form.isActive());
    return sites.saveAndFlush(site);
  }

  private void checkUnique(SiteForm form, Long ownId, Errors errors) {
    if (form.getCode() != null) {
      sites
          .findByCodeIgnoreCase(form.getCode())
          .filter(other -> !other.getId().equals(ownId))
          .ifPresent(other -> errors.rejectValue("code", "site.code.taken"));
    }
    if (form.getName() != null) {
      sites
          .findByNameIgnoreCase(form.getName())
          .filter(other -> !other.getId().equals(ownId))
          .ifPresent(other -> errors.rejectValue("name", "site.name.taken"));
    }
  }
}
