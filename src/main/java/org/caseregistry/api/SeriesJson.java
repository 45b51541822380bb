package org.caseregistry.api;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.site.HospitalSite;

/** A case series as the API shows it, with its participating sites. */
public record SeriesJson(
    long id,
    String title,
    String description,
    String procedure,
    LocalDate periodStart,
    LocalDate periodEnd,
    String status,
    boolean demo,
    List<SiteJson> sites,
    long version) {

  public record SiteJson(long id, String code, String name) {
    static SiteJson of(HospitalSite site) {
      return new SiteJson(site.getId(), site.getCode(), site.getName());
    }
  }

  /** The list of series, wrapped so that fields can be added later without breaking clients. */
  public record ListJson(List<SeriesJson> items) {}

  static SeriesJson of(CaseSeries series) {
    return new SeriesJson(
        series.getId(),
        series.getTitle(),
        series.getDescription(),
        series.getProcedure(),
        series.getPeriodStart(),
        series.getPeriodEnd(),
        series.getStatus().name(),
        series.isDemo(),
        series.getSites().stream()
            .sorted(Comparator.comparing(HospitalSite::getCode))
            .map(SiteJson::of)
            .toList(),
        series.getVersion());
  }
}
