package org.caseregistry.series;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.platform.EditConflictException;
import org.caseregistry.platform.NotFoundException;
import org.caseregistry.site.HospitalSite;
import org.caseregistry.site.HospitalSiteRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Case series. Everyone sees the series their sites take part in (admins see all); admins and
 * coordinators manage them, coordinators only with their own sites.
 */
@Service
public class SeriesService {

  private final CaseSeriesRepository series;
  private final HospitalSiteRepository sites;
  private final SeriesHeaders headers;

  SeriesService(CaseSeriesRepository series, HospitalSiteRepository sites, SeriesHeaders headers) {
    this.series = series;
    this.sites = sites;
    this.headers = headers;
  }

  @Transactional(readOnly = true)
  public List<CaseSeries> visibleTo(CurrentAccount account) {
    return account.isAdmin()
        ? series.findAllWithSites()
        : account.siteIds().isEmpty() ? List.of() : series.findVisibleWithSites(account.siteIds());
  }

  /** The series if the account may see it; otherwise 404, as if it did not exist. */
  @Transactional(readOnly = true)
  public CaseSeries visible(long id, CurrentAccount account) {
    CaseSeries found = series.findWithSitesById(id).orElseThrow(NotFoundException::new);
    if (!account.isAdmin()
        && found.getSites().stream().noneMatch(s -> account.canSeeSite(s.getId()))) {
      throw new NotFoundException();
    }
    return found;
  }

  /**
   * The header of the series if the account may see it (as {@link #visible}), with only the sites
   * the account may see; otherwise 404.
   */
  public SeriesHeader visibleHeader(long id, CurrentAccount account) {
    SeriesHeader found = headers.find(id).orElseThrow(NotFoundException::new);
    if (account.isAdmin()) {
      return found;
    }
    List<SeriesHeader.Site> seen =
        found.sites().stream().filter(s -> account.canSeeSite(s.id())).toList();
    if (seen.isEmpty()) {
      throw new NotFoundException();
    }
    return new SeriesHeader(found.id(), found.title(), found.description(), found.demo(), seen);
  }

  public static boolean canManage(CurrentAccount account) {
    return account.is(Role.ADMIN) || account.is(Role.COORDINATOR);
  }

  @Transactional
  public CaseSeries create(SeriesForm form, CurrentAccount account, Errors errors) {
    requireManager(account);
    validate(form, null, account, errors);
    Set<HospitalSite> chosen = chosenSites(form, errors);
    if (errors.hasErrors()) {
      return null;
    }
    CaseSeries created = new CaseSeries(form.getTitle());
    apply(created, form, chosen);
    return series.saveAndFlush(created);
  }

  @Transactional
  public CaseSeries update(long id, SeriesForm form, CurrentAccount account, Errors errors) {
    requireManager(account);
    CaseSeries existing = visible(id, account);
    if (!Objects.equals(form.getVersion(), existing.getVersion())) {
      throw new EditConflictException();
    }
    validate(form, id, account, errors);
    Set<HospitalSite> chosen = chosenSites(form, errors);
    if (!account.isAdmin()) {
      // A coordinator cannot remove a site it does not belong to.
      existing.getSites().stream()
          .filter(site -> !account.canSeeSite(site.getId()))
          .forEach(chosen::add);
    }
    if (errors.hasErrors()) {
      return null;
    }
    apply(existing, form, chosen);
    return series.saveAndFlush(existing);
  }

  /** For the demo data: a series marked as demo, with the given sites. */
  @Transactional
  public CaseSeries createDemo(SeriesForm form) {
    return series
        .findByTitleIgnoreCase(form.getTitle())
        .orElseGet(
            () -> {
              CaseSeries demo = new CaseSeries(form.getTitle());
              apply(demo, form, new HashSet<>(sites.findAllById(form.getSiteIds())));
              demo.markDemo();
              return series.saveAndFlush(demo);
            });
  }

  private static void apply(CaseSeries target, SeriesForm form, Set<HospitalSite> chosen) {
    target.update(
        form.getTitle(),
        form.getDescription(),
        form.getProcedure(),
        form.getPeriodStart(),
        form.getPeriodEnd(),
        form.getStatus(),
        chosen);
  }

  private void validate(SeriesForm form, Long ownId, CurrentAccount account, Errors errors) {
    if (form.getTitle() != null) {
      series
          .findByTitleIgnoreCase(form.getTitle())
          .filter(other -> !other.getId().equals(ownId))
          .ifPresent(other -> errors.rejectValue("title", "series.title.taken"));
    }
    if (form.getPeriodStart() != null
        && form.getPeriodEnd() != null
        && form.getPeriodEnd().isBefore(form.getPeriodStart())) {
      errors.rejectValue("periodEnd", "series.period.order");
    }
    if (!account.isAdmin()
        && form.getSiteIds().stream().anyMatch(siteId -> !account.canSeeSite(siteId))) {
      errors.rejectValue("siteIds", "series.sites.not-yours");
    }
  }

  private Set<HospitalSite> chosenSites(SeriesForm form, Errors errors) {
    Set<HospitalSite> chosen = new HashSet<>(sites.findAllById(form.getSiteIds()));
    if (chosen.size() != form.getSiteIds().size()) {
      errors.rejectValue("siteIds", "account.sites.unknown");
    } else if (chosen.isEmpty()) {
      errors.rejectValue("siteIds", "series.sites.required");
    }
    return chosen;
  }

  private static void requireManager(CurrentAccount account) {
    if (!canManage(account)) {
      throw new AccessDeniedException("Only admins and coordinators manage case series");
    }
  }
}
