package org.caseregistry.series;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.caseregistry.platform.FormText;
import org.caseregistry.site.HospitalSite;
import org.springframework.format.annotation.DateTimeFormat;

/** What the case-series form posts. */
public class SeriesForm {

  @NotBlank
  @Size(max = 300)
  private String title;

  @Size(max = 4000)
  private String description;

  @Size(max = 300)
  private String procedure;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate periodStart;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate periodEnd;

  @NotNull private CaseSeries.Status status = CaseSeries.Status.ACTIVE;

  private Set<Long> siteIds = new LinkedHashSet<>();

  private Long version;

  /** Where a new series' form starts: a template's name, or "copy:" and another series' id. */
  private String formStart = "ESOPHAGECTOMY";

  static SeriesForm of(CaseSeries series) {
    SeriesForm form = new SeriesForm();
    form.title = series.getTitle();
    form.description = series.getDescription();
    form.procedure = series.getProcedure();
    form.periodStart = series.getPeriodStart();
    form.periodEnd = series.getPeriodEnd();
    form.status = series.getStatus();
    form.version = series.getVersion();
    series.getSites().stream().map(HospitalSite::getId).forEach(form.siteIds::add);
    return form;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = FormText.stripped(title);
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = FormText.optional(description);
  }

  public String getProcedure() {
    return procedure;
  }

  public void setProcedure(String procedure) {
    this.procedure = FormText.optional(procedure);
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public void setPeriodStart(LocalDate periodStart) {
    this.periodStart = periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public void setPeriodEnd(LocalDate periodEnd) {
    this.periodEnd = periodEnd;
  }

  public CaseSeries.Status getStatus() {
    return status;
  }

  public void setStatus(CaseSeries.Status status) {
    this.status = status;
  }

  public Set<Long> getSiteIds() {
    return siteIds;
  }

  public void setSiteIds(Set<Long> siteIds) {
    this.siteIds = siteIds == null ? new LinkedHashSet<>() : siteIds;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getFormStart() {
    return formStart;
  }

  public void setFormStart(String formStart) {
    this.formStart = FormText.stripped(formStart);
  }
}
