package org.caseregistry.cases;

import java.util.Map;
import org.caseregistry.account.CurrentAccount;
import org.caseregistry.account.Role;
import org.caseregistry.account.TestAccounts;
import org.caseregistry.form.FormDefinition;
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
  private final CustomSectionService customSections;

  CaseFixtures(
      SeriesService seriesService,
      CaseService caseService,
      FormService formService,
      CustomSectionService customSections) {
    this.seriesService = seriesService;
    this.caseService = caseService;
    this.formService = formService;
    this.customSections = customSections;
  }

  /** A series whose form is the one given (version 1), as a template would start it. */
  public CaseSeries series(FormDefinition definition, HospitalSite... sites) {
    CaseSeries series = series(sites);
    formService.initialise(series.getId(), definition, "test-fixtures");
    return series;
  }

  /** Saves a single custom section of a case with these typed values. */
  public void saveCustom(long caseId, String key, Map<String, String> values) {
    saveCustom(caseId, key, values, Map.of());
  }

  /** The same with missing reasons (UNKNOWN, NOT_APPLICABLE) by field name. */
  public void saveCustom(
      long caseId, String key, Map<String, String> values, Map<String, String> missing) {
    SectionValues stored = customSections.values(caseId, key, system());
    SectionForm form = SectionForm.of(customSections.section(caseId, key, system()), stored);
    form.getValues().putAll(values);
    form.getMissing().putAll(missing);
    Outcome outcome = customSections.save(caseId, key, form, system());
    if (!outcome.saved()) {
      throw new IllegalStateException("Fixture rejected: " + outcome.problems());
    }
  }

  /** Adds an item to a repeating custom section. */
  public long addCustomItem(long caseId, String key, Map<String, String> values) {
    SectionForm form = new SectionForm();
    form.getValues().putAll(values);
    Outcome outcome = customSections.saveItem(caseId, key, null, form, system());
    if (!outcome.saved()) {
      throw new IllegalStateException("Fixture rejected: " + outcome.problems());
    }
    return outcome.id();
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
        .id();
  }

  public void save(
      long caseId, org.caseregistry.catalog.Section section, Map<String, String> values) {
    SectionForm form = SectionForm.of(section, caseService.section(caseId, section, system()));
    form.getValues().putAll(values);
    Outcome outcome = caseService.saveSection(caseId, section, form, system());
    if (!outcome.saved()) {
      throw new IllegalStateException("Fixture rejected: " + outcome.problems());
    }
  }

  public long addItem(
      long caseId, org.caseregistry.catalog.Section section, Map<String, String> values) {
    SectionForm form = new SectionForm();
    form.getValues().putAll(values);
    Outcome outcome = caseService.saveItem(caseId, section, null, form, system());
    if (!outcome.saved()) {
      throw new IllegalStateException("Fixture rejected: " + outcome.problems());
    }
    return outcome.id();
  }
}
