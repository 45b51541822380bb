package org.caseregistry.cases;

import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.form.FormTemplate;
import org.caseregistry.series.CaseSeries;
import org.caseregistry.series.FormService;
import org.caseregistry.series.SeriesForm;
import org.caseregistry.series.SeriesService;
import org.caseregistry.site.HospitalSite;
import org.springframework.stereotype.Component;

/** Series and cases for tests, created through the same services as the pages use. */
@Component
public class CaseFixtures {

  private final SeriesService seriesService;
  private final CaseService caseService;
  private final FormService formService;

  CaseFixtures(SeriesService seriesService, CaseService caseService, FormService formService) {
    this.seriesService = seriesService;
    this.caseService = caseService;
    this.formService = formService;
  }

  public static CurrentAccount system() {
    return new CurrentAccount(0, "test-fixtures", "Test fixtures", Role.ADMIN, java.util.Set.of());
  }

  public CaseSeries series(HospitalSite... sites) {
    SeriesForm form = new SeriesForm();
    form.setTitle(TestAccounts.unique("Series "));
    for (HospitalSite site : sites) {
      form.getSiteIds().add(site.getId());
    }
    return seriesService.create(
        form, system(), new org.springframework.validation.BeanPropertyBindingResult(form, "f"));
  }

  /** A series started from the "Gastrectomy for gastric cancer" template. */
  public CaseSeries gastricSeries(HospitalSite... sites) {
    CaseSeries series = series(sites);
    formService.initialise(
        series.getId(), FormTemplate.GASTRECTOMY.definition(), system().username());
    return series;
  }

  public long newCase(CaseSeries series, HospitalSite site) {
    return caseService
        .create(series.getId(), TestAccounts.unique("BN"), site.getId(), false, system())
        .caseId();
  }

  public void save(
      long caseId, org.caseregistry.catalog.Section section, Map<String, String> values) {
    SectionForm form = SectionForm.of(section, caseService.section(caseId, section, system()));
    form.getValues().putAll(values);
    CaseService.SaveOutcome outcome = caseService.saveSection(caseId, section, form, system());
    if (!outcome.saved()) {
      throw new IllegalStateException("Fixture rejected: " + outcome.problems());
    }
  }

  public long addItem(
      long caseId, org.caseregistry.catalog.Section section, Map<String, String> values) {
    SectionForm form = new SectionForm();
    form.getValues().putAll(values);
    CaseService.SaveOutcome outcome = caseService.saveItem(caseId, section, null, form, system());
    if (!outcome.saved()) {
      throw new IllegalStateException("Fixture rejected: " + outcome.problems());
    }
    return outcome.itemId();
  }
}
